/** A stretch of the document body, by offsets. */
export type BodyRange = { start: number; end: number };

/** More places than anyone reads through; the reader types a few more words instead. */
export const MAX_PLACES = 10;

/**
 * Where `text` occurs in the body outside every live claim, in document order: the keyboard's way to add a
 * claim, where a mouse would select the text. Case and runs of whitespace are ignored, since a reader types what
 * they see, not the line breaks behind it. Places that overlap a claim are left out, because a new claim may
 * not overlap one. At most MAX_PLACES are returned.
 */
export function findUncoveredText(body: string, claims: ReadonlyArray<BodyRange>, text: string): BodyRange[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu');
  // Claims never overlap, so once in document order one pass finds each place's neighbour.
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  const places: BodyRange[] = [];
  let next = 0;
  for (const match of body.matchAll(pattern)) {
    const place = { start: match.index, end: match.index + match[0].length };
    while (next < sorted.length && (sorted[next] as BodyRange).end <= place.start) next++;
    const claim = sorted[next];
    if (claim && claim.start < place.end) continue;
    places.push(place);
    if (places.length === MAX_PLACES) break;
  }
  return places;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
