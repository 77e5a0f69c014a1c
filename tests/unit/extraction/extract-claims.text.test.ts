import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/extraction/extract-claims';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';
import { readFixture } from '@/tests/unit/extraction/read-fixture';

describe('extractClaims on plain text', () => {
  it('makes each item of a numbered list a claim with its lead-in, the last one without a full stop too', () => {
    const extraction = extractClaims({
      text: readFixture('tests/fixtures/claims/numbered-list.txt'),
      format: 'TEXT',
    });
    expectPinned(extraction);
    expect(extraction.title).toBe('How to start LDN');
    expect(extraction.claims.map((c) => [c.quote, c.text])).toEqual([
      [
        'The usual starting dose is 1.5 mg at bedtime.',
        'Before starting, patients should know the following: The usual starting dose is 1.5 mg at bedtime.',
      ],
      [
        'The dose may be raised by 1.5 mg every two weeks.',
        'Before starting, patients should know the following: The dose may be raised by 1.5 mg every two weeks.',
      ],
      [
        'Opioid painkillers must be stopped first',
        'Before starting, patients should know the following: Opioid painkillers must be stopped first',
      ],
    ]);
  });

  it('does not split at abbreviations, decimals or dosages', () => {
    const extraction = extractClaims({
      text: readFixture('tests/fixtures/claims/abbreviations.txt'),
      format: 'TEXT',
    });
    expectPinned(extraction);
    expect(extraction.title).toBeNull();
    expect(extraction.claims.map((c) => c.quote)).toEqual([
      'Dr. Smith gave 1.5 mg daily, e.g. at night.',
      'Patients took approx. 4.5 mg vs. placebo (Fig. 2) as reported by Jones et al. in 2019.',
      'Others preferred St. John’s wort, i.e. a herbal remedy.',
      'Vitamins, minerals, etc. were allowed.',
      'The trial ended in 2020.',
    ]);
  });

  it('ends a sentence after "etc." when a capital follows, and at ? and !', () => {
    const { claims } = extractClaims({
      text: 'It eases pain, fatigue, etc. Does it work? Yes! Ask “why.” Then stop.',
      format: 'TEXT',
    });
    expect(claims.map((c) => c.quote)).toEqual([
      'It eases pain, fatigue, etc.',
      'Does it work?',
      'Yes!',
      'Ask “why.”',
      'Then stop.',
    ]);
  });

  it('separates paragraphs written one per line, and a heading without blank lines around it', () => {
    const text =
      'LDN and pain\nMarch 3, 2024\nLDN is cheap.\nSide effects\nVivid dreams are common.\nIt is\nwell tolerated.';
    const extraction = extractClaims({ text, format: 'TEXT' });
    expectPinned(extraction);
    expect(extraction.title).toBe('LDN and pain');
    expect(extraction.publishedAt).toBe('2024-03-03');
    expect(extraction.sections.map((s) => s.heading)).toEqual(['Side effects']);
    expect(extraction.claims.map((c) => c.text)).toEqual([
      'LDN is cheap.',
      'Vivid dreams are common.',
      'It is well tolerated.',
    ]);
    expect(extraction.claims.map((c) => c.sectionIndex)).toEqual([null, 0, 0]);
  });

  it('skips a reference list under a References heading and a byline under the title', () => {
    const text = [
      'LDN and sleep',
      'By Jane Doe · 12 January 2024',
      'LDN may cause vivid dreams.',
      'References:',
      'Smith J. Sleep and LDN. Sleep Med. 2019;12(3):45-67.',
      '- Jones A, Lee B. LDN in practice. London: Example Press; 2020.',
    ].join('\n\n');
    const extraction = extractClaims({ text, format: 'TEXT' });
    expect(extraction).toMatchObject({
      title: 'LDN and sleep',
      author: 'Jane Doe',
      publishedAt: '2024-01-12',
    });
    expect(extraction.sections.map((s) => s.heading)).toEqual(['References']);
    expect(extraction.claims.map((c) => c.quote)).toEqual(['LDN may cause vivid dreams.']);
  });

  it('returns an empty extraction for empty or blank text', () => {
    expect(extractClaims({ text: '', format: 'TEXT' })).toEqual({
      body: '',
      title: null,
      sections: [],
      claims: [],
    });
    expect(extractClaims({ text: '\uFEFF  \r\n\t ', format: 'TEXT' })).toEqual({
      body: '  \n\t ',
      title: null,
      sections: [],
      claims: [],
    });
  });
});
