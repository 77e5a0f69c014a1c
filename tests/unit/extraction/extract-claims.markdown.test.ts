import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/extraction/extract-claims';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';
import { readFixture } from '@/tests/unit/extraction/read-fixture';

const extraction = extractClaims({
  text: readFixture('tests/fixtures/claims/article.md'),
  format: 'MARKDOWN',
});
const { body, sections, claims } = extraction;
const quoting = (fragment: string) => claims.find((c) => c.quote.includes(fragment));

describe('extractClaims on a Markdown article', () => {
  it('pins every claim and heading to the body', () => {
    expectPinned(extraction);
  });

  it('makes the body the rendered text, without markup', () => {
    expect(body).not.toMatch(/^#|\*\*|\]\(|^- /m);
    expect(body).toContain(
      'Some clinicians have tried low-dose naltrexone (LDN) for fatigue; see the overview',
    );
    expect(body).toContain('• Less fatigue after eight weeks.');
  });

  it('reads the title from the first # heading and the byline under it', () => {
    expect(extraction.title).toBe('Low-Dose Naltrexone and Long COVID');
    expect(extraction.author).toBe('Jane Roe, PhD');
    expect(extraction.publishedAt).toBe('2024-03-03');
    expect(claims.some((c) => /Long COVID$|Jane Roe/.test(c.quote))).toBe(false);
  });

  it('finds # headings, and keeps a list lead-in under its heading rather than making it one', () => {
    expect(sections.map((s) => [s.level, s.heading])).toEqual([
      [2, 'Reported benefits'],
      [2, 'Dosing'],
      [2, 'Further reading'],
    ]);
    expect(quoting('Better sleep')?.sectionIndex).toBe(0);
    expect(quoting('Most protocols')?.sectionIndex).toBe(1);
  });

  it('joins a paragraph written over two lines into one claim', () => {
    expect(quoting('Some clinicians')?.quote).toBe(
      'Some clinicians have tried low-dose naltrexone (LDN) for fatigue; see the overview for background.',
    );
  });

  it('makes each list item a claim that carries the lead-in', () => {
    expect(
      claims.filter((c) => c.text.startsWith('Patients in small case series reported: ')).map((c) => c.quote),
    ).toEqual([
      'Less fatigue after eight weeks.',
      'Better sleep quality.',
      'Improved concentration, i.e. fewer episodes of "brain fog".',
    ]);
  });

  it('keeps code in the body but never claims it, nor the further reading', () => {
    expect(body).toContain('dose_mg = 4.5');
    expect(claims.some((c) => /dose_mg|Bateman|Elsegood/.test(c.quote))).toBe(false);
  });

  it('reads front matter', () => {
    const article = extractClaims({
      format: 'MARKDOWN',
      text: '---\ntitle: "LDN notes"\nauthor: Sam Poe\ndate: 2022-11-30\n---\n\nLDN is cheap.\n',
    });
    expect(article).toMatchObject({ title: 'LDN notes', author: 'Sam Poe', publishedAt: '2022-11-30' });
    expect(article.body).toBe('LDN is cheap.');
    expect(article.claims.map((c) => c.quote)).toEqual(['LDN is cheap.']);
  });
});
