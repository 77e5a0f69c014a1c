// The parts of pdfkit 0.20 the PDF export uses that its type definitions do not list: the current embedded font
// (its shaping, its layout cache and its glyphs), the current size, and the page's content and font resources.
// They are named here once, so an upgrade has one list to check; the unit tests of the code that uses them
// (pdf-text-lines, pdf-wrap-lines, pdf-layout-cache, pdf-safe-text) fail if one of them changes.

export type GlyphPosition = { xAdvance: number; xOffset: number; yOffset: number; advanceWidth: number };

export type EmbeddedFont = {
  id: string;
  ascender: number;
  ref(): unknown;
  /** The font's glyph ids (as hex) and their positions, word by word through layoutCache. */
  encode(text: string): [string[], GlyphPosition[]];
  /** Shaped words, kept for as long as the document lives unless emptied (pdf-layout-cache.ts). */
  layoutCache?: Record<string, unknown>;
  /** The fontkit font underneath. */
  font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean };
};

export type DocumentInternals = {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string | Uint8Array): unknown;
};

/** The document with the fields above in view. */
export function internalsOf(doc: PDFKit.PDFDocument): DocumentInternals {
  return doc as unknown as DocumentInternals;
}
