// When the retry job looks a cited source up again after a failed look-up. A network failure is tried again soon,
// then less and less often, and never given up: an instance that runs offline for weeks still fills its citations
// in once it is back. "Not found" is tried again rarely (a new PMID is indexed, a DOI registered late) and given
// up after MAX_NOT_FOUND, so an unknown identifier is not asked about for ever.

export const MAX_NOT_FOUND = 4;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The time of the next look-up after `attempts` failed ones in a row (this one included); null: give up. */
export function nextLookupAfter(
  status: 'NOT_FOUND' | 'UNREACHABLE',
  attempts: number,
  now: Date,
): Date | null {
  const doubling = 2 ** Math.min(20, Math.max(0, attempts - 1));
  if (status === 'UNREACHABLE') return new Date(now.getTime() + Math.min(MINUTE * doubling, 6 * HOUR));
  if (attempts >= MAX_NOT_FOUND) return null;
  return new Date(now.getTime() + DAY * doubling);
}
