import PDFDocument from 'pdfkit';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import {
  layoutCacheReset,
  PDF_FONT,
  pdfFontFiles,
  pdfLineWrapper,
  pdfSafeText,
  pdfTextLines,
  type TextLine,
} from '@/lib/exports/pdf-text';

function document() {
  const fonts = pdfFontFiles();
  const doc = new PDFDocument({ autoFirstPage: false, font: fonts.regular as unknown as string });
  doc.registerFont(PDF_FONT.regular, fonts.regular);
  doc.registerFont(PDF_FONT.bold, fonts.bold);
  doc.font(PDF_FONT.regular).fontSize(7.5);
  return doc;
}

const CLAIM =
  'LDN raises “endorphin” levels — by some 20–30 % in one small study; effects on the κ and μ opioid ' +
  'receptors suggest a mood benefit (HAM-D −2 points vs. placebo).';

describe('pdfLineWrapper', () => {
  it('breaks text into lines that each fit the column, losing no word', () => {
    const doc = document();
    const lines = pdfLineWrapper(doc).wrap(CLAIM, 100);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(doc.widthOfString(line), line).toBeLessThanOrEqual(100);
      expect(line).toBe(line.trim());
    }
    expect(lines.join(' ').replace(/- /g, '-')).toBe(CLAIM);
    // One column wide enough for everything keeps it on one line.
    expect(pdfLineWrapper(doc).wrap(CLAIM, 2_000)).toEqual([CLAIM]);
  });

  it('starts a line at every newline, keeping empty ones', () => {
    const lines = pdfLineWrapper(document()).wrap('Moderate\nDowngraded: imprecision\n\nPMID 1\n', 200);
    expect(lines).toEqual(['Moderate', 'Downgraded: imprecision', '', 'PMID 1']);
  });

  it('splits a word wider than the column between characters, never inside one', () => {
    const doc = document();
    const doi = 'https://doi.org/10.1000/𝛼-very-long-identifier-without-any-space-in-it';
    const lines = pdfLineWrapper(doc).wrap(`See ${doi}`, 40);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(doc.widthOfString(line), line).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(lines.join('')).toBe(`See${doi}`);
    // A column narrower than one character still ends, a character a line.
    expect(pdfLineWrapper(doc).wrap('WWW', 1)).toEqual(['W', 'W', 'W']);
  });

  it('shows a soft hyphen only where a line ends on it', () => {
    const wrapper = pdfLineWrapper(document());
    const word = 'extra\u00adordinarily\u00adlong';
    expect(wrapper.wrap(word, 500)).toEqual(['extraordinarilylong']);
    expect(wrapper.wrap(word, 40)).toEqual(['extra-', 'ordinarily-', 'long']);
  });

  it('measures in the current font and size, and again after forget()', () => {
    const doc = document();
    const wrapper = pdfLineWrapper(doc);
    const text = 'Downgraded: imprecision, inconsistency';
    const regular = wrapper.wrap(text, 90);
    doc.font(PDF_FONT.bold).fontSize(12);
    const bold = wrapper.wrap(text, 90);
    expect(bold.length).toBeGreaterThan(regular.length);
    wrapper.forget();
    expect(wrapper.wrap(text, 90)).toEqual(bold);
    doc.font(PDF_FONT.regular).fontSize(7.5);
    expect(wrapper.wrap(text, 90)).toEqual(regular);
  });
});

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

describe('pdfSafeText', () => {
  it('leaves plain text, Greek, typographic punctuation and text symbols alone', () => {
    const text = 'κ = 0.62, μ-opioid; “quoted” ‘single’ – — −2 … ✓ ✗ ☺ © ® ™ ↔ ♥ café';
    expect(pdfSafeText(text)).toBe(text);
  });

  it('replaces each emoji sequence with one placeholder', () => {
    expect(pdfSafeText('Good 👍🏽 news 🙂!')).toBe('Good [emoji] news [emoji]!');
    expect(pdfSafeText('Family 👨‍👩‍👧 and 👩🏽‍⚕️')).toBe('Family [emoji] and [emoji]');
    expect(pdfSafeText('UK 🇬🇧, England 🏴󠁧󠁢󠁥󠁮󠁧󠁿, key 1️⃣, heart ❤️, check ✅')).toBe(
      'UK [emoji], England [emoji], key [emoji], heart [emoji], check [emoji]',
    );
  });

  it('strips control and invisible characters but keeps line breaks and soft hyphens', () => {
    expect(pdfSafeText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcde\nf');
    expect(pdfSafeText('zero\u200bwidth\u200d joiner\u202e bidi\ufeff bom')).toBe(
      'zerowidth joiner bidi bom',
    );
    expect(pdfSafeText('line\r\nbreak\rand\u2028more\ttab')).toBe('line\nbreak\nand\nmore tab');
    expect(pdfSafeText('hyphen\u00adation')).toBe('hyphen\u00adation');
    expect(pdfSafeText('text style ☺\ufe0e')).toBe('text style ☺');
  });

  it('replaces a lone surrogate, which no PDF string can encode', () => {
    expect(pdfSafeText('cut \ud83d here')).toBe('cut \ufffd here');
    expect(pdfSafeText('cut \ude00 here')).toBe('cut \ufffd here');
  });

  it('marks characters the font cannot draw, when told which those are', () => {
    const latinAndGreekOnly = (cp: number) => cp < 0x0400 || cp === 0x2212;
    expect(pdfSafeText('κ −1 中文 ok', latinAndGreekOnly)).toBe('κ −1 \ufffd\ufffd ok');
  });
});
