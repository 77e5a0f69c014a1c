// How an assignment's range reads, everywhere it is shown: the page, the dashboard and error messages.

/** "the whole document", or "claims #12–#40" (inclusive). */
export function describeRange(fromNumber: number | null, toNumber: number | null): string {
  if (fromNumber === null || toNumber === null) return 'the whole document';
  return fromNumber === toNumber ? `claim #${fromNumber}` : `claims #${fromNumber}–#${toNumber}`;
}

/** Whether a claim's number falls in an assignment's range. */
export function inRange(n: number, range: { fromNumber: number | null; toNumber: number | null }): boolean {
  if (range.fromNumber === null || range.toNumber === null) return true;
  return n >= range.fromNumber && n <= range.toNumber;
}
