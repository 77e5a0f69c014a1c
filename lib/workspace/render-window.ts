// How much of a long document the workspace renders at once: the body cut into paragraphs of plain and
// highlighted runs, and the windows of paragraphs and claim rows rendered.

/** Paragraphs rendered before and after the selected claim's paragraph, and added per scroll step. */
export const TEXT_WINDOW = { before: 15, after: 45, step: 40 } as const;

/** The claim list's fixed row height in pixels, and the rows rendered beyond the visible ones. */
export const ROW_HEIGHT = 60;
const ROW_OVERSCAN = 6;

/** The list height assumed before the browser has measured it, as on the server. */
export const INITIAL_LIST_HEIGHT = 480;

/** The paragraphs to render around the paragraph holding the selected claim. */
export function textWindow(block: number, count: number) {
  return { from: Math.max(0, block - TEXT_WINDOW.before), to: Math.min(count, block + TEXT_WINDOW.after) };
}

/** The rows to render for a list scrolled to `top` and `height` pixels tall. */
export function rowWindow(top: number, height: number, count: number) {
  return {
    first: Math.max(0, Math.floor(top / ROW_HEIGHT) - ROW_OVERSCAN),
    last: Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + ROW_OVERSCAN),
  };
}

/** A paragraph of the document body, cut into plain runs and highlighted runs. Offsets index into the body. */
type TextBlock = { start: number; end: number; runs: TextRun[] };
type TextRun = { start: number; end: number; claimIndex: number | null };

/**
 * Cuts the body into paragraphs (at blank lines) and each paragraph into runs, so the workspace can render a
 * window of paragraphs instead of the whole article. A claim that crosses a paragraph break is highlighted in
 * each paragraph it touches; overlapping claims (rare, after manual additions) yield to the earlier one.
 * `claims` must be sorted by start, as the workspace query returns them.
 */
export function textBlocks(body: string, claims: ReadonlyArray<{ start: number; end: number }>): TextBlock[] {
  const blocks: TextBlock[] = [];
  const breaks = /\n{2,}/g;
  let from = 0;
  let next = 0;
  for (;;) {
    const match = breaks.exec(body);
    const to = match ? match.index : body.length;
    if (to > from) {
      const { runs, nextClaim } = runsOf(from, to, claims, next);
      blocks.push({ start: from, end: to, runs });
      next = nextClaim;
    }
    if (!match) break;
    from = match.index + match[0].length;
  }
  return blocks;
}

function runsOf(
  from: number,
  to: number,
  claims: ReadonlyArray<{ start: number; end: number }>,
  firstClaim: number,
) {
  const runs: TextRun[] = [];
  let at = from;
  let i = firstClaim;
  // Claims that ended before this paragraph are behind us for good.
  while (i < claims.length && (claims[i]?.end ?? 0) <= from) i++;
  let nextClaim = i;
  for (; i < claims.length; i++) {
    const claim = claims[i];
    if (!claim || claim.start >= to) break;
    const start = Math.max(claim.start, at);
    const end = Math.min(claim.end, to);
    if (end <= start) continue;
    if (start > at) runs.push({ start: at, end: start, claimIndex: null });
    runs.push({ start, end, claimIndex: i });
    at = end;
    // A claim running on into the next paragraph must be looked at again there.
    if (claim.end <= to) nextClaim = i + 1;
  }
  if (at < to) runs.push({ start: at, end: to, claimIndex: null });
  return { runs, nextClaim };
}

/** The index of the block holding an offset, by binary search. */
export function blockAt(blocks: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((blocks[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
