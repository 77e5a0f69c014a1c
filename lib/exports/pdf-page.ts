// The page set-up of the PDF export and the drawing helpers its sections share. Every text call passes a
// height, which stops pdfkit from adding pages on its own: pages are added only through newPdfPage, so each one
// gets its footer and, inside the claims table, its repeated header.
import { PDF_FONT, pdfTextLines } from './pdf-text';

export const PDF_MARGIN = 40;
export const PDF_COLOUR = { text: '#0f172a', muted: '#475569', rule: '#cbd5e1', fill: '#f1f5f9' } as const;

export type TextStyle = { bold?: boolean; size: number; colour?: string; lineGap?: number };

export function newPdfPage(doc: PDFKit.PDFDocument, layout: 'portrait' | 'landscape') {
  doc.addPage({ size: 'A4', layout, margin: PDF_MARGIN });
}

/** The lowest y that content may reach on the current page; the footer sits in the margin below it. */
export function contentBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - PDF_MARGIN;
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - 2 * PDF_MARGIN;
}

export function applyStyle(doc: PDFKit.PDFDocument, style: TextStyle) {
  doc
    .font(style.bold ? PDF_FONT.bold : PDF_FONT.regular)
    .fontSize(style.size)
    .fillColor(style.colour ?? PDF_COLOUR.text);
}

export function textHeight(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle): number {
  applyStyle(doc, style);
  return doc.heightOfString(text, { width, lineGap: style.lineGap ?? 1 });
}

/** Writes wrapped text at (x, y) and returns the y below it. */
export function writeText(
  doc: PDFKit.PDFDocument,
  text: string,
  at: { x: number; y: number; width: number },
  style: TextStyle,
): number {
  applyStyle(doc, style);
  doc.text(text, at.x, at.y, {
    width: at.width,
    height: Number.POSITIVE_INFINITY,
    lineGap: style.lineGap ?? 1,
  });
  return doc.y;
}

/** One line that is never wrapped (numbers, short labels): cheaper than the line wrapper. */
export function writeLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: TextStyle) {
  applyStyle(doc, style);
  doc.text(text, x, y, { lineBreak: false, height: Number.POSITIVE_INFINITY });
}

/** Starts a new page when fewer than `height` points are left on this one; returns the y to draw at. */
export function ensureSpace(
  doc: PDFKit.PDFDocument,
  height: number,
  layout: 'portrait' | 'landscape',
): number {
  if (doc.y + height > contentBottom(doc)) newPdfPage(doc, layout);
  return doc.y;
}

/**
 * Page numbers without a total, so pages can be written out as they fill instead of held until the end. The
 * footer is the same on every page but for its number, so its title is fitted to the page's width once.
 */
export function numberPages(doc: PDFKit.PDFDocument, footer: string) {
  const lines = pdfTextLines(doc);
  const fitted = new Map<number, string>();
  let page = 0;
  doc.on('pageAdded', () => {
    page += 1;
    const y = doc.page.height - PDF_MARGIN + 14;
    const width = contentWidth(doc);
    applyStyle(doc, { size: 7, colour: PDF_COLOUR.muted });
    let title = fitted.get(width);
    if (title === undefined) {
      title = withEllipsis(doc, footer, width - 60);
      fitted.set(width, title);
    }
    const number = `Page ${page}`;
    lines.draw([
      { text: title, x: PDF_MARGIN, y },
      { text: number, x: PDF_MARGIN + width - doc.widthOfString(number), y },
    ]);
    doc.x = PDF_MARGIN;
    doc.y = PDF_MARGIN;
  });
}

/** `text` on one line of `width`, cut short with an ellipsis if it is longer. */
function withEllipsis(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  if (doc.widthOfString(line) <= width) return line;
  const chars = Array.from(line);
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…`;
  // The longest start that fits with its ellipsis.
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(cut(mid)) <= width) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}
