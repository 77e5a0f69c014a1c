/**
 * Splits `text` into the longest head that fits `maxHeight` in a column of `width` (in the document's current
 * font) and the tail that does not. Only claims too tall for a whole page need this, so a binary search over
 * word boundaries is cheap enough; a single word wider than the column is split between characters.
 */
export function splitTextToFit(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  maxHeight: number,
  lineGap: number,
): [head: string, tail: string] {
  const fits = (candidate: string) => doc.heightOfString(candidate, { width, lineGap }) <= maxHeight;
  if (fits(text)) return [text, ''];
  const breaks = [...text.matchAll(/\s+/g)].map((m) => m.index + m[0].length);
  const cut = longestFitting(breaks, (end) => fits(text.slice(0, end)));
  const end =
    cut ??
    longestFitting(
      Array.from({ length: text.length }, (_, i) => i + 1),
      (i) => fits(text.slice(0, i)),
    );
  if (!end) return ['', text];
  return [text.slice(0, end).trimEnd(), text.slice(end).trimStart()];
}

/** The last candidate for which `fits` holds, assuming it holds for a prefix of the candidates. */
function longestFitting(candidates: number[], fits: (candidate: number) => boolean): number | null {
  let low = 0;
  let high = candidates.length - 1;
  let best: number | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = candidates[mid] as number;
    if (fits(candidate)) {
      best = candidate;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}
