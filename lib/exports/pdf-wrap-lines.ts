import LineBreaker from 'linebreak';
import { internalsOf } from './pdfkit-internals';

const SOFT_HYPHEN = '\u00ad';
const NEWLINE = 0x0a;
const TRAILING_SPACES = / +$/;
// Tabs are spaces by now (pdfSafeText); both hang at a line's end.
const isSpace = (code: number) => code === 0x20 || code === 0x09;

/**
 * A line breaker for the claims table's cells: text broken into the lines that fit a column of `width` in the
 * current font, at the places Unicode's line breaking algorithm (UAX #14, the `linebreak` package pdfkit uses)
 * allows, and at every newline. A word wider than the column is split between characters. Spaces at the end
 * of a line hang outside it and are dropped, and a soft hyphen shows as a hyphen only where a line ends on it.
 *
 * pdfkit's own line breaker does the same but measures every word of every cell anew, which was a third of
 * the time a 10,000-claim PDF took; this one keeps each word's width, per font and size, until `forget()`.
 * The table measures a row by these lines, draws these same lines, and splits a row too tall for a page
 * between two of them, so each cell is wrapped once and what was measured is what is drawn.
 */
export function pdfLineWrapper(doc: PDFKit.PDFDocument) {
  const internals = internalsOf(doc);
  const widths = new Map<string, Map<string, number>>();

  function widthsNow(): Map<string, number> {
    const key = `${internals._font.id} ${internals._fontSize}`;
    let known = widths.get(key);
    if (!known) {
      known = new Map();
      widths.set(key, known);
    }
    return known;
  }

  /** `text` cut into pieces that each fit `width`, between code points; the last piece may be short. */
  function splitWord(text: string, width: number): string[] {
    const chars = Array.from(text);
    const pieces: string[] = [];
    while (chars.length > 0) {
      // The longest prefix that fits, and at least one character, so a too-narrow column still ends.
      let low = 1;
      let high = chars.length;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (doc.widthOfString(chars.slice(0, mid).join('')) <= width) low = mid;
        else high = mid - 1;
      }
      pieces.push(chars.splice(0, low).join(''));
    }
    return pieces;
  }

  return {
    wrap(text: string, width: number): string[] {
      const known = widthsNow();
      const measure = (word: string) => widthOf(doc, known, word);
      const lines: string[] = [];
      let line = '';
      let lineWidth = 0;

      const space = measure(' ');
      const breaker = new LineBreaker(text);
      let from = 0;
      for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
        // A segment ends where a line may: after its spaces, or after a newline, which goes (the last one
        // in the text comes as an ordinary break).
        let end = next.position;
        if (text.charCodeAt(end - 1) === NEWLINE) end -= 1;
        let visibleEnd = end;
        while (visibleEnd > from && isSpace(text.charCodeAt(visibleEnd - 1))) visibleEnd -= 1;
        const visible = text.slice(from, visibleEnd);
        const visibleWidth = measure(visible);
        const spaces = end - visibleEnd;
        from = next.position;
        if (line && lineWidth + visibleWidth > width) {
          lines.push(shown(line));
          line = '';
          lineWidth = 0;
        }
        if (!line && visibleWidth > width) {
          const pieces = splitWord(visible, width);
          line = pieces.pop() ?? '';
          for (const piece of pieces) lines.push(piece);
          lineWidth = doc.widthOfString(line);
        } else {
          line += visible;
          lineWidth += visibleWidth;
        }
        if (spaces > 0) {
          line += ' '.repeat(spaces);
          lineWidth += spaces * space;
        }
        if (next.required) {
          lines.push(shown(line));
          line = '';
          lineWidth = 0;
        }
      }
      if (line) lines.push(shown(line));
      return lines;
    },

    /** Lets go of the words measured so far, which would otherwise grow with every claim number. */
    forget() {
      widths.clear();
    },
  };
}

function widthOf(doc: PDFKit.PDFDocument, known: Map<string, number>, word: string): number {
  let width = known.get(word);
  if (width === undefined) {
    width = doc.widthOfString(word);
    known.set(word, width);
  }
  return width;
}

/** A line as it is drawn: without the spaces that hang at its end, a soft hyphen there shown as a hyphen. */
function shown(line: string): string {
  const text = line.replace(TRAILING_SPACES, '');
  if (!text.includes(SOFT_HYPHEN)) return text;
  return (text.endsWith(SOFT_HYPHEN) ? `${text.slice(0, -1)}-` : text).replaceAll(SOFT_HYPHEN, '');
}
