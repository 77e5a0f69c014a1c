// Where each quote occurs, exactly, in the new version's body: one pass over the body for all the quotes at
// once, so that 2,000 claims cost one read of the text rather than 2,000.

// Below this length a quote is looked for on its own: its first characters would match at too many places.
const MIN_HASHED = 8;
const MAX_HASHED = 32;
/** A quote repeated more often than this is a refrain, not a place; the first ones are enough to choose from. */
export const MAX_PLACES = 1000;
const BASE = 0x01000193;

/**
 * For each quote, the offsets where it starts in body, ascending. Quotes are hashed by their first characters
 * (Rabin–Karp) and every hit is checked in full, so the result is exact; identical quotes share one list.
 */
export function findExactPlaces(body: string, quotes: readonly string[]): number[][] {
  const distinct = new Map<string, number[]>();
  for (const quote of quotes) if (quote.length > 0 && !distinct.has(quote)) distinct.set(quote, []);
  const hashed: string[] = [];
  for (const [quote, places] of distinct) {
    if (quote.length >= MIN_HASHED) hashed.push(quote);
    else
      for (
        let at = body.indexOf(quote);
        at >= 0 && places.length < MAX_PLACES;
        at = body.indexOf(quote, at + 1)
      )
        places.push(at);
  }
  if (hashed.length > 0) scan(body, hashed, distinct);
  return quotes.map((quote) => distinct.get(quote) ?? []);
}

function scan(body: string, quotes: readonly string[], places: Map<string, number[]>) {
  let length = MAX_HASHED;
  for (const quote of quotes) length = Math.min(length, quote.length);
  if (body.length < length) return;
  let power = 1;
  for (let i = 1; i < length; i++) power = Math.imul(power, BASE);
  const byHash = new Map<number, string[]>();
  // A hit in this table is what sends a position to the map; most positions stop here.
  const seen = new Uint8Array(1 << 16);
  for (const quote of quotes) {
    const hash = hashOf(quote, length);
    const bucket = byHash.get(hash);
    if (bucket) bucket.push(quote);
    else byHash.set(hash, [quote]);
    seen[fold(hash)] = 1;
  }
  let hash = hashOf(body, length);
  for (let at = 0; ; at++) {
    if (seen[fold(hash)] === 1) {
      for (const quote of byHash.get(hash) ?? []) {
        const list = places.get(quote) as number[];
        if (list.length < MAX_PLACES && body.startsWith(quote, at)) list.push(at);
      }
    }
    if (at + length >= body.length) break;
    hash = (Math.imul(hash - Math.imul(body.charCodeAt(at), power), BASE) + body.charCodeAt(at + length)) | 0;
  }
}

function hashOf(text: string, length: number): number {
  let hash = 0;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

function fold(hash: number): number {
  return (hash ^ (hash >>> 16)) & 0xffff;
}
