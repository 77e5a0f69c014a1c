import { type EmbeddedFont, type GlyphPosition, internalsOf } from './pdfkit-internals';

export type TextLine = { text: string; x: number; y: number };

// Words and the spaces between them, encoded apart: pdfkit lays text out and caches it word by word, and the
// line breaker (pdf-wrap-lines.ts) has measured these same words, so encoding finds them in pdfkit's cache.
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
