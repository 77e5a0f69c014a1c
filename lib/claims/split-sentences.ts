import { isNeverFinalAbbreviation } from './abbreviations';
import { isSpace } from './is-space';
import { trimmedEnd, trimmedStart } from './trim-range';

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
