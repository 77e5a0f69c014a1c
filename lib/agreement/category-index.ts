/**
 * Maps each category to its position. A rating outside the categories throws: on a nominal scale there is no
 * right place to count it, and dropping it silently would change n behind the caller's back.
 */
export function categoryIndex<A>(categories: readonly A[]): (rating: A) => number {
  const positions = new Map(categories.map((category, position) => [category, position]));
  return (rating) => {
    const position = positions.get(rating);
    if (position === undefined) throw new RangeError(`Rating ${String(rating)} is not one of the categories`);
    return position;
  };
}
