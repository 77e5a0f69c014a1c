import PDFDocument from 'pdfkit';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { PDF_FONT, pdfFontFiles } from '@/lib/exports/pdf-fonts';
import { pdfTextLines, type TextLine } from '@/lib/exports/pdf-text-lines';

// Lines that test each path: kerned pairs (AV, Ty, “T), Greek and dashes, a line break left at a line's end by
// the line breaker, spaces in a row, and a combining accent, which DejaVu moves off the baseline (e + U+0301).
const LINES: TextLine[] = [
  { text: 'AVAWAY Tyre “To” — κ and μ receptors, 20–30 %', x: 40, y: 40 },
  { text: 'Low\n', x: 300, y: 52.5 },
  { text: 'two  spaces', x: 40, y: 65 },
  { text: 'Cafe\u0301 au lait', x: 40, y: 77.5 },
  { text: '', x: 40, y: 90 },
];

async function textItems(draw: (doc: PDFKit.PDFDocument) => void) {
  const fonts = pdfFontFiles();
  const doc = new PDFDocument({ size: 'A4', font: fonts.regular as unknown as string });
  doc.registerFont(PDF_FONT.regular, fonts.regular);
  doc.registerFont(PDF_FONT.bold, fonts.bold);
  doc.font(PDF_FONT.regular).fontSize(7.5);
  draw(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.end();
  await done;
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
  const content = await (await pdf.getPage(1)).getTextContent();
  // Each run of text with its font and where it starts on the page (pdf.js names fonts in the order it meets
  // them, so the names compare).
  return content.items.flatMap((item) =>
    'str' in item && item.str.trim()
      ? [
          {
            text: item.str,
            font: item.fontName.replace(/^g_d\d+_/, ''),
            x: item.transform[4].toFixed(2),
            y: item.transform[5].toFixed(2),
          },
        ]
      : [],
  );
}

describe('pdfTextLines', () => {
  // It writes what doc.text() writes through pdfkit's own fields (the font's encoder, the page's fonts): if an
  // upgrade changes them, this comparison fails instead of the PDF going wrong.
  it('sets the same text in the same places as doc.text() with lineBreak: false', async () => {
    const expected = await textItems((doc) => {
      for (const line of LINES) {
        doc.text(line.text, line.x, line.y, { lineBreak: false, height: Number.POSITIVE_INFINITY });
      }
    });
    const actual = await textItems((doc) => pdfTextLines(doc).draw(LINES));
    expect(expected.map((item) => item.text.normalize('NFC')).join(' ')).toContain('Café au lait');
    expect(actual).toEqual(expected);
  });

  // pdfkit shapes right-to-left text word by word and sets the words left to right, with no bidi reordering;
  // so do we, except that a word's space stays after it instead of being turned round with it.
  it('sets right-to-left words as doc.text() does, each word shaped on its own', async () => {
    const line = { text: 'Hebrew שלום עולם and Arabic مرحبا بالعالم', x: 40, y: 40 };
    const words = (items: Array<{ text: string }>) =>
      items
        .flatMap((item) => item.text.split(/\s+/))
        .filter(Boolean)
        .sort();
    const expected = await textItems((doc) => {
      doc.text(line.text, line.x, line.y, { lineBreak: false });
    });
    const actual = await textItems((doc) => pdfTextLines(doc).draw([line]));
    expect(words(actual)).toEqual(['Arabic', 'Hebrew', 'and', 'بالعالم', 'مرحبا', 'עולם', 'שלום'].sort());
    expect(words(expected).join('')).toHaveLength(words(actual).join('').length);
  });

  it('encodes a word again after forget(), and for each font on its own', async () => {
    const lines = [{ text: 'Kappa κ', x: 40, y: 40 }];
    const expected = await textItems((doc) => {
      doc.text('Kappa κ', 40, 40, { lineBreak: false });
      doc.font(PDF_FONT.bold).text('Kappa κ', 40, 60, { lineBreak: false });
    });
    const actual = await textItems((doc) => {
      const text = pdfTextLines(doc);
      text.draw(lines);
      text.forget();
      doc.font(PDF_FONT.bold);
      text.draw([{ text: 'Kappa κ', x: 40, y: 60 }]);
    });
    expect(actual).toEqual(expected);
  });
});
