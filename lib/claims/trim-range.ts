import { isSpace } from './is-space';

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
