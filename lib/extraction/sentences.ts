// Sentences and ranges of the body: where sentences end (abbreviations and decimals do not end them), ranges
// trimmed as offsets, a quote on one line, and the TextQuote context around a quote.

const TERMINATOR = /[.!?…。！？]/g;

/**
 * The sentences of body[start, end), trimmed, as a flat list of offsets [start, end, start, end, …], which
 * spares an object per sentence. A sentence ends at a run of . ! ? … (with any closing quotes or brackets)
 * followed by whitespace and a word that does not start in lower case, unless the full stop closes an
 * abbreviation such as "Dr." or "e.g.". "1.5 mg" and "e.g." never split, since no space follows their inner full
 * stops. Whatever follows the last terminator is a sentence too, with or without a full stop. Each character is
 * looked at a bounded number of times, so the cost is linear in the range's length.
 */
export function splitSentences(body: string, start: number, end: number): number[] {
  const sentences: number[] = [];
  // The regex engine finds the next terminator much faster than a loop over characters; it runs on the range
  // alone (a slice shares the body's memory) so that it never scans past the range's end.
  const range = body.slice(start, end);
  let from = start;
  let i = start;
  while (i < end) {
    TERMINATOR.lastIndex = i - start;
    if (!TERMINATOR.test(range)) break;
    i = start + TERMINATOR.lastIndex - 1;
    let runEnd = i + 1;
    while (runEnd < end && isTerminator(body.charCodeAt(runEnd))) runEnd++;
    let closed = runEnd;
    while (closed < end && isCloser(body.charCodeAt(closed))) closed++;
    if (closed < end && !isSpace(body.charCodeAt(closed))) {
      i = runEnd;
      continue;
    }
    let next = closed;
    while (next < end && isSpace(body.charCodeAt(next))) next++;
    const abbreviation = runEnd === i + 1 && body.charCodeAt(i) === 46 && isNeverFinalAbbreviation(body, i);
    if (next < end && (abbreviation || startsInLowerCase(body, next))) {
      i = next;
      continue;
    }
    push(sentences, body, from, closed);
    from = next;
    i = next;
  }
  push(sentences, body, from, end);
  return sentences;
}

function push(sentences: number[], body: string, start: number, end: number) {
  const s = trimmedStart(body, start, end);
  const e = trimmedEnd(body, s, end);
  if (e > s) sentences.push(s, e);
}

function isTerminator(code: number): boolean {
  return (
    code === 46 ||
    code === 33 ||
    code === 63 ||
    code === 0x2026 ||
    code === 0x3002 ||
    code === 0xff01 ||
    code === 0xff1f
  );
}

function isCloser(code: number): boolean {
  return (
    code === 34 ||
    code === 39 ||
    code === 41 ||
    code === 93 ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 0xbb
  );
}

function startsInLowerCase(body: string, at: number): boolean {
  const code = body.charCodeAt(at);
  if (code < 128) return code >= 97 && code <= 122;
  const char = String.fromCodePoint(body.codePointAt(at) ?? code);
  return char.toLowerCase() === char && char.toUpperCase() !== char;
}

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
function isNeverFinalAbbreviation(body: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && dot - from < LONGEST && isLetterOrDot(body.charCodeAt(from - 1))) from--;
  if (from === dot || (from > 0 && isLetterOrDot(body.charCodeAt(from - 1)))) return false;
  return NEVER_FINAL.has(body.slice(from, dot).toLowerCase());
}

function isLetterOrDot(code: number): boolean {
  return code === 46 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// The bounds of body[start, end) without the whitespace at either end, as offsets, so nothing is copied or
// allocated: these run once per line and per sentence.

export function trimmedStart(body: string, start: number, end: number): number {
  let s = start;
  while (s < end && isSpace(body.charCodeAt(s))) s++;
  return s;
}

export function trimmedEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(body.charCodeAt(e - 1))) e--;
  return e;
}

/** JavaScript's \s, tested by code unit so that the scanning loops need no regex. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Text as a reviewer reads it: the source's line breaks, with the spaces around them, become single spaces. */
export function oneLine(text: string): string {
  if (!text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

export const CONTEXT_LENGTH = 32;

/** The TextQuote selector's prefix and suffix around body[start, end). */
export function quoteContext(body: string, start: number, end: number) {
  return {
    prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: body.slice(end, end + CONTEXT_LENGTH),
  };
}
