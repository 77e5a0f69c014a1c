// Abbreviations that are always followed by more of the same sentence: "Dr. Smith", "e.g. at night",
// "St. John's wort", "et al. 2019". Others, such as "etc." or "U.S.", may end a sentence; for those the case of
// the next word decides.
const NEVER_FINAL = new Set([
  'al',
  'approx',
  'ca',
  'capt',
  'cf',
  'ch',
  'col',
  'dr',
  'drs',
  'e.g',
  'eq',
  'eqs',
  'esp',
  'fig',
  'figs',
  'gen',
  'gov',
  'i.e',
  'incl',
  'lt',
  'mr',
  'mrs',
  'ms',
  'mt',
  'p',
  'pp',
  'prof',
  'ref',
  'refs',
  'rep',
  'resp',
  'rev',
  'sec',
  'sen',
  'sgt',
  'st',
  'v',
  'viz',
  'vol',
  'vols',
  'vs',
]);
const LONGEST = 7;

/** Whether the full stop at body[dot] closes an abbreviation that never ends a sentence. */
export function isNeverFinalAbbreviation(body: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && dot - from < LONGEST && isLetterOrDot(body.charCodeAt(from - 1))) from--;
  if (from === dot || (from > 0 && isLetterOrDot(body.charCodeAt(from - 1)))) return false;
  return NEVER_FINAL.has(body.slice(from, dot).toLowerCase());
}

function isLetterOrDot(code: number): boolean {
  return code === 46 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
