import fs from 'node:fs';
import path from 'node:path';
import { type DocumentInternals, internalsOf } from './pdfkit-internals';

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
