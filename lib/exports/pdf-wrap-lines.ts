import * as pdfkit from 'pdfkit';

type LineWrapperClass = new (
  doc: PDFKit.PDFDocument,
  options: object,
) => {
  on(event: 'line', listener: (line: string) => void): void;
  wrap(text: string, options: object): void;
};

// pdfkit exports the line breaker that doc.text() uses (Unicode line breaking, long words split), though its
// type definitions do not list it.
const { LineWrapper } = pdfkit as unknown as { LineWrapper: LineWrapperClass };

/**
 * `text` broken into the lines that doc.text() would draw in a column of `width`, in the current font. The
 * claims table measures a row by its lines, draws those same lines, and splits a row too tall for a page
 * between two of them, so each cell is wrapped once and what was measured is what is drawn.
 */
export function pdfWrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  const options = { width, height: Number.POSITIVE_INFINITY };
  const wrapper = new LineWrapper(doc, options);
  wrapper.on('line', (line) => {
    lines.push(line);
  });
  wrapper.wrap(text, options);
  return lines;
}
