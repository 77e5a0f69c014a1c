import { describe, expect, it } from 'vitest';
import { citationReference, citedSource, shortAuthors } from '@/lib/citations/citation-words';

const found = citedSource({
  title: 'Low-dose naltrexone for depression: a systematic review and meta-analysis',
  journal: 'J Affect Disord',
  year: 2019,
  authors: ['Smith J', 'Jones K', 'Lee M'],
  publicationTypes: ['Journal Article', 'Meta-Analysis'],
  lookedUpAt: '2026-12-01T10:00:00.000Z',
});

describe('citationReference', () => {
  it('gives a found source as a reference: authors, title, journal, year, identifier and suggested design', () => {
    expect(found).toMatchObject({ suggestedStudyDesign: 'META_ANALYSIS', suggestedEvidenceLevel: 'LEVEL_1' });
    expect(
      citationReference({
        kind: 'PMID',
        identifier: '123456',
        title: null,
        studyDesign: null,
        source: found,
      }),
    ).toBe(
      'Smith J et al. Low-dose naltrexone for depression: a systematic review and meta-analysis. J Affect Disord, 2019 (PMID 123456; meta-analysis)',
    );
  });

  it('prefers the design the reviewer typed, and leaves out what the source does not say', () => {
    const bare = citedSource({
      title: 'Is it true?',
      journal: null,
      year: null,
      authors: [],
      publicationTypes: [],
      lookedUpAt: null,
    });
    expect(
      citationReference({
        kind: 'DOI',
        identifier: '10.1/x',
        title: 'Typed',
        studyDesign: 'RCT',
        source: bare,
      }),
    ).toBe('Is it true? (DOI 10.1/x; RCT)');
  });

  it('is null until a source is found, so each format shows the citation as typed', () => {
    expect(
      citationReference({ kind: 'PMID', identifier: '1', title: 'Typed', studyDesign: null, source: null }),
    ).toBe(null);
    expect(
      citationReference({ kind: 'URL', identifier: 'https://a.example', title: null, studyDesign: null }),
    ).toBe(null);
  });
});

describe('shortAuthors', () => {
  it('names one or two authors, and the first with "et al." for more', () => {
    expect(shortAuthors([])).toBe(null);
    expect(shortAuthors(['Smith J'])).toBe('Smith J');
    expect(shortAuthors(['Smith J', 'Jones K'])).toBe('Smith J, Jones K');
    expect(shortAuthors(['Smith J', 'Jones K', 'Lee M'])).toBe('Smith J et al.');
  });
});
