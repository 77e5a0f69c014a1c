import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PDF_FONT, pdfFontFiles } from '@/lib/exports/pdf-fonts';
import { layoutCacheReset } from '@/lib/exports/pdf-layout-cache';

type WithFont = { _font: { layoutCache?: Record<string, unknown> } };

describe('layoutCacheReset', () => {
  // The reset reaches into pdfkit (its embedded font's `layoutCache`): if an upgrade renames that field, the
  // reset would quietly do nothing and long PDFs would grow memory again, so this test fails instead.
  it("empties pdfkit's cache of laid-out words for both fonts", () => {
    const fonts = pdfFontFiles();
    const doc = new PDFDocument({ autoFirstPage: false, font: fonts.regular as unknown as string });
    doc.registerFont(PDF_FONT.regular, fonts.regular);
    doc.registerFont(PDF_FONT.bold, fonts.bold);
    const reset = layoutCacheReset(doc);
    const cacheOf = (font: string) => {
      doc.font(font);
      return (doc as unknown as WithFont)._font.layoutCache;
    };
    for (const font of [PDF_FONT.regular, PDF_FONT.bold]) {
      doc.font(font).widthOfString('PMID 12345678 and DOI 10.1000/xyz123');
      expect(Object.keys(cacheOf(font) ?? {}).length, font).toBeGreaterThan(3);
    }
    reset();
    for (const font of [PDF_FONT.regular, PDF_FONT.bold]) {
      expect(cacheOf(font), font).toEqual({});
    }
  });
});
