import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PDF_FONT, pdfFontFiles } from '@/lib/exports/pdf-fonts';
import { pdfLineWrapper } from '@/lib/exports/pdf-wrap-lines';

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
