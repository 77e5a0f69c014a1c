import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/extraction/extract-claims';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';
import { readFixture } from '@/tests/unit/extraction/read-fixture';

const extraction = extractClaims({ text: readFixture('tests/fixtures/claims/article.html'), format: 'HTML' });
const { body, sections, claims } = extraction;
const quoting = (fragment: string) => claims.find((c) => c.quote.includes(fragment));

describe('extractClaims on an HTML page', () => {
  it('pins every claim and heading to the body', () => {
    expectPinned(extraction);
  });

  it('leaves navigation, header, footer, aside, form, code and templates out of the body', () => {
    for (const furniture of [
      'NAV',
      'HEADER',
      'FOOTER',
      'SCRIPT',
      'STYLE',
      'ASIDE',
      'FORM',
      'NOSCRIPT',
      'TEMPLATE',
    ]) {
      expect(body).not.toContain(`${furniture} TEXT`);
    }
    expect(body).not.toMatch(/[<>]/);
  });

  it('writes block elements as paragraphs and list items as lines', () => {
    expect(body).toContain('Common side effects include:\n\n• Vivid dreams.\n• Headache in the first week.');
    expect(body).toContain('on microglia.\nThis may reduce neuroinflammation.');
  });

  it('reads the title, author and date from the page, and claims none of them', () => {
    expect(extraction.title).toBe('Low-Dose Naltrexone for Fibromyalgia');
    expect(extraction.author).toBe('Jane Doe, MD');
    expect(extraction.publishedAt).toBe('2024-02-14');
    expect(claims.some((c) => /Fibromyalgia$|Jane Doe|February 14/.test(c.quote))).toBe(false);
  });

  it('takes headings from h1–h6 and never claims the reference list', () => {
    expect(sections.map((s) => [s.level, s.heading])).toEqual([
      [2, 'How it may work'],
      [2, 'Who should avoid it?'],
      [2, 'References'],
    ]);
    expect(claims.some((c) => c.quote.includes('Younger'))).toBe(false);
    expect(claims.every((c) => c.sectionIndex !== 2)).toBe(true);
  });

  it('decodes entities and keeps non-breaking spaces and curly quotes', () => {
    expect(quoting('used off-label')?.quote).toBe(
      'Low-dose naltrexone (LDN) is used off-label at 1.5\u00A0mg to 4.5\u00A0mg daily.',
    );
    expect(quoting('not a cure')?.quote).toBe('It’s “not a cure”, doctors say.');
  });

  it('splits at <br> and at sentence ends but not after Dr. or e.g.', () => {
    expect(quoting('Dr. Smith')?.quote).toBe(
      'Dr. Smith reported that pain scores fell by 30% in a small trial, e.g. in women with long-standing symptoms.',
    );
    expect(quoting('toll-like')?.quote).toBe('LDN is thought to block toll-like receptor 4 on microglia.');
    expect(quoting('neuroinflammation')?.sectionIndex).toBe(0);
  });

  it('prefixes each list item with the paragraph that introduces the list, which is no claim itself', () => {
    expect(quoting('Vivid dreams')?.text).toBe('Common side effects include: Vivid dreams.');
    expect(quoting('Vivid dreams')?.kind).toBe('SAFETY');
    expect(claims.some((c) => c.quote === 'Common side effects include:')).toBe(false);
  });

  it('falls back to <title>, <time> and JSON-LD when the content has no h1 or meta tags', () => {
    const page = extractClaims({
      format: 'HTML',
      text: `<html><head><title>LDN basics</title>
        <script type="application/ld+json">{"@graph":[{"@type":"Article","author":{"name":"Ann Lee"}}]}</script>
        </head><body><article><p>Posted on <time datetime="2023-05-02">May 2, 2023</time></p><p>LDN is cheap.</p></article></body></html>`,
    });
    expect(page.title).toBe('LDN basics');
    expect(page.author).toBe('Ann Lee');
    expect(page.publishedAt).toBe('2023-05-02');
    expect(page.claims.map((c) => c.quote)).toEqual(['LDN is cheap.']);
  });
});
