import { PDF_FONT } from './pdf-fonts';
import { internalsOf } from './pdfkit-internals';

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
