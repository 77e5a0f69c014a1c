import { HEDGE_WORDS } from './hedge-words';

// Most claims have no hedge, and the hedges that occur come from a short list. Unhedged claims share one frozen
// empty list, and each hedge is kept once and shared: for a 10 MB article that spares the garbage collector
// hundreds of thousands of objects.
const NO_HEDGES: readonly string[] = Object.freeze([]);
const SEEN = new Map<string, string>();

/** The hedging words in text, lower-cased and without repeats, in order of first appearance. */
export function detectHedges(text: string): readonly string[] {
  // exec on the shared global pattern, not matchAll, which copies the pattern on every call.
  HEDGE_WORDS.lastIndex = 0;
  let match = HEDGE_WORDS.exec(text);
  if (!match) return NO_HEDGES;
  const hedges: string[] = [];
  for (; match; match = HEDGE_WORDS.exec(text)) {
    const hedge = shared(match[0].toLowerCase());
    if (!hedges.includes(hedge)) hedges.push(hedge);
  }
  return hedges;
}

// The pattern's alternatives are fixed words, so the map stays as small as the list of hedges.
function shared(hedge: string): string {
  const known = SEEN.get(hedge);
  if (known !== undefined) return known;
  SEEN.set(hedge, hedge);
  return hedge;
}
