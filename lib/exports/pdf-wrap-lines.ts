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
 * claims table measures a row by its lines and then draws those same lines, instead of wrapping every cell
 * twice (heightOfString, then text), which took a fifth of a long PDF's time.
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
