import fs from 'node:fs';
import path from 'node:path';
import LineBreaker from 'linebreak';

// Setting text with pdfkit: the embedded fonts, text cleaned for them, and the fast paths the claims table
// draws with (a line wrapper that keeps word widths, lines drawn in one text object, a layout cache emptied as it
// grows). tests/unit/exports/pdf-text.test.ts checks the pdfkit internals they reach into.

// The parts of pdfkit 0.20 the PDF export uses that its type definitions do not list: the current embedded font
// (its shaping, its layout cache and its glyphs), the current size, and the page's content and font resources.
// They are named here once, so an upgrade has one list to check; the unit tests of this module fail if one of
// them changes.

type GlyphPosition = { xAdvance: number; xOffset: number; yOffset: number; advanceWidth: number };

type EmbeddedFont = {
  id: string;
  ascender: number;
  ref(): unknown;
  /** The font's glyph ids (as hex) and their positions, word by word through layoutCache. */
  encode(text: string): [string[], GlyphPosition[]];
  /** Shaped words, kept for as long as the document lives unless emptied (layoutCacheReset). */
  layoutCache?: Record<string, unknown>;
  /** The fontkit font underneath. */
  font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean };
};

type DocumentInternals = {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string | Uint8Array): unknown;
};

/** The document with the fields above in view. */
function internalsOf(doc: PDFKit.PDFDocument): DocumentInternals {
  return doc as unknown as DocumentInternals;
}

// DejaVu Sans covers Greek, the mathematical minus, curly quotes and dashes, which pdfkit's built-in Helvetica
// mangles. Paths are from the project root, where the app and the tests run (as the seed data does).
const FONT_DIR = path.resolve('node_modules/dejavu-fonts-ttf/ttf');

export const PDF_FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

let fonts: Record<keyof typeof PDF_FONT, Buffer> | null = null;

/** The font files, read once per process: every PDF export embeds the same two. */
export function pdfFontFiles(): Record<keyof typeof PDF_FONT, Buffer> {
  fonts ??= {
    regular: fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/**
 * Whether the current font of `doc` can draw a code point. pdfkit keeps the parsed font (fontkit) on a private
 * field; when a future pdfkit moves it, every character counts as drawable and only the emoji cleaning applies.
 */
export function fontHasGlyph(doc: PDFKit.PDFDocument): (codePoint: number) => boolean {
  const font = (internalsOf(doc) as Partial<DocumentInternals>)._font?.font;
  const check = font?.hasGlyphForCodePoint?.bind(font);
  if (!check) return () => true;
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let has = known.get(codePoint);
    if (has === undefined) {
      has = check(codePoint);
      known.set(codePoint, has);
    }
    return has;
  };
}

// pdfkit draws each character with the one embedded font and has no fallback: a code point the font lacks
// comes out as an empty box or nothing at all, and control characters can break the content stream's text
// layout. So text is cleaned before it reaches the PDF.

// Whole emoji sequences become one placeholder, not a row of boxes: flags, keycaps, and a pictograph shown as
// emoji (by default, or by U+FE0F) with its skin tone, tag characters and ZWJ-joined parts. Symbols that
// default to text presentation (✓ ☺ © ♥) are not emoji here and stay for the font, which has them. This
// matches what Unicode's RGI_Emoji set matches in practice, at a fiftieth of the cost of the `v`-flag pattern.
const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\ufe0f?\u20e3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f)\p{Emoji_Modifier}?[\u{e0020}-\u{e007f}]*(?:\u200d(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f?)\p{Emoji_Modifier}?)*/gu;
const EMOJI_PLACEHOLDER = '[emoji]';
// Control and invisible format characters and variation selectors, except newline (kept as a line break) and
// the soft hyphen, which pdfkit uses as a hyphenation point. Tabs and other separators become plain spaces.
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
const SPACES = /[\t\v\f]/g;
const INVISIBLE = /(?![\n\u00ad])(?:\p{Cc}|\p{Cf}|[\ufe00-\ufe0f])/gu;
// Half of a surrogate pair on its own (text cut in the middle of an emoji) cannot be encoded at all.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NON_ASCII = /[^\p{ASCII}]/gu;
const MISSING_GLYPH = '\ufffd';
// Most text is plain printable ASCII, which needs none of the passes below, and most of the rest has no
// character that can start an emoji.
const PLAIN = /^[\x20-\x7e\n]*$/;
const MAYBE_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/**
 * Text that the PDF font can draw. `hasGlyph`, when given, replaces any remaining code point the font lacks
 * with U+FFFD, so a gap in the font shows as a visible mark instead of vanishing.
 */
export function pdfSafeText(text: string, hasGlyph?: (codePoint: number) => boolean): string {
  if (PLAIN.test(text)) return text;
  const whole = text.replace(LONE_SURROGATE, MISSING_GLYPH);
  const cleaned = (MAYBE_EMOJI.test(whole) ? whole.replace(EMOJI, EMOJI_PLACEHOLDER) : whole)
    .replace(LINE_BREAKS, '\n')
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '');
  if (!hasGlyph) return cleaned;
  return cleaned.replace(NON_ASCII, (c) => (hasGlyph(c.codePointAt(0) as number) ? c : MISSING_GLYPH));
}

/**
 * pdfkit keeps the shaped glyphs of every word it has set, per font, for as long as the document lives: without
 * that cache drawing is five times slower, but it grows with every claim number and citation id, by about 4 kB a
 * claim. Emptying it every few hundred rows keeps the speed (most words repeat within them) and bounds the memory.
 * The cache is pdfkit's own field (`layoutCache` of its embedded font, pdfkit 0.20), so a test checks it is there.
 */
export function layoutCacheReset(doc: PDFKit.PDFDocument): () => void {
  const fonts = [PDF_FONT.bold, PDF_FONT.regular].map((name) => {
    doc.font(name);
    return internalsOf(doc)._font;
  });
  return () => {
    for (const font of fonts) if (font.layoutCache) font.layoutCache = Object.create(null);
  };
}

export type TextLine = { text: string; x: number; y: number };

// Words and the spaces between them, encoded apart: pdfkit lays text out and caches it word by word, and the
// line breaker (pdfLineWrapper) has measured these same words, so encoding finds them in pdfkit's cache.
const WORDS = /[^ \t]+|[ \t]+/g;
const NEWLINES = /\n/g;

// A number as pdfkit writes it into a content stream.
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * Draws lines of text, each at its own top-left corner, in the current font, size and fill colour: what
 * doc.text() draws for a line with `lineBreak: false`, but all of them in one text object. doc.text() costs
 * about 20 µs a line before it sets a glyph (it measures the line again, copies its options, saves and restores
 * the graphics state, and writes six small chunks), and the claims table draws some 300,000 lines at 10,000
 * claims. Glyphs come from pdfkit's own encoder, so the font subset and the text layer (selectable, searchable
 * text) are what doc.text() makes; each word is encoded once and kept, as pdfkit keeps its layout, until
 * `forget()`. A line with a glyph moved off its baseline (a combining mark the font positions) goes through
 * doc.text(), which moves the text matrix for it.
 */
export function pdfTextLines(doc: PDFKit.PDFDocument) {
  const internals = internalsOf(doc);
  // Per font: each word as a run of its glyphs for a TJ array, or null when a glyph in it is moved.
  const encoded = new Map<string, Map<string, string | null>>();

  function encodeWord(font: EmbeddedFont, word: string): string | null {
    const [glyphs, positions] = font.encode(word);
    let runs = '';
    let from = 0;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as GlyphPosition;
      if (p.xOffset || p.yOffset) return null;
      // The kerning after a glyph, in thousandths of an em, ends a run.
      const kerning = p.xAdvance - p.advanceWidth;
      if (kerning !== 0) {
        runs += `<${glyphs.slice(from, i + 1).join('')}> ${num(-kerning)} `;
        from = i + 1;
      }
    }
    return from < glyphs.length ? `${runs}<${glyphs.slice(from).join('')}>` : runs;
  }

  /** A line's glyphs as the inside of a TJ array, or null when one of them is moved. */
  function lineRuns(font: EmbeddedFont, words: Map<string, string | null>, text: string): string | null {
    let tj = '';
    // The line breaker leaves a line's own newline at its end; doc.text() drops it, as it would draw a box.
    for (const word of text.replace(NEWLINES, '').match(WORDS) ?? []) {
      let run = words.get(word);
      if (run === undefined) {
        run = encodeWord(font, word);
        words.set(word, run);
      }
      if (run === null) return null;
      tj += run;
    }
    return tj;
  }

  return {
    draw(lines: TextLine[]) {
      const font = internals._font;
      const size = internals._fontSize;
      const pageHeight = internals.page.height;
      // pdfkit places text by its top edge; PDF by its baseline, one ascender lower.
      const ascent = (font.ascender / 1000) * size;
      let words = encoded.get(font.id);
      if (!words) {
        words = new Map();
        encoded.set(font.id, words);
      }
      let ops = '';
      const moved: TextLine[] = [];
      for (const line of lines) {
        const tj = lineRuns(font, words, line.text);
        if (tj === null) moved.push(line);
        else if (tj) ops += `1 0 0 1 ${num(line.x)} ${num(pageHeight - line.y - ascent)} Tm\n[${tj}] TJ\n`;
      }
      if (ops) {
        internals.page.fonts[font.id] ??= font.ref();
        // pdfkit's pages are flipped so that y grows downwards; text is set in PDF's own orientation.
        // The operators are ASCII, so they go in as bytes: pdfkit would copy a string into bytes a character
        // at a time, in JavaScript.
        const content = `q\n1 0 0 -1 0 ${num(pageHeight)} cm\nBT\n/${font.id} ${num(size)} Tf\n${ops}ET\nQ\n`;
        internals.addContent(Buffer.from(content, 'latin1'));
      }
      for (const line of moved) {
        doc.text(line.text, line.x, line.y, { lineBreak: false, height: Number.POSITIVE_INFINITY });
      }
    },

    /** Lets go of the encoded words, which would otherwise grow with every claim number and citation id. */
    forget() {
      encoded.clear();
    },
  };
}

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
