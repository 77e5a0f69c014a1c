import { describe, expect, it } from 'vitest';
import { citationUrl, parseCitationIdentifier } from '@/lib/citations/citation-identifier';

describe('parseCitationIdentifier', () => {
  it.each([
    ['12345678', { kind: 'PMID', identifier: '12345678' }],
    ['PMID: 12345678', { kind: 'PMID', identifier: '12345678' }],
    ['10.1001/jama.2020.1234', { kind: 'DOI', identifier: '10.1001/jama.2020.1234' }],
    ['https://doi.org/10.1001/jama.2020.1234', { kind: 'DOI', identifier: '10.1001/jama.2020.1234' }],
    ['https://example.org/study', { kind: 'URL', identifier: 'https://example.org/study' }],
  ])('recognises %s', (raw, expected) => {
    expect(parseCitationIdentifier(raw)).toEqual(expected);
  });

  it.each(['', 'a study', 'javascript:alert(1)', 'ftp://example.org/x', 'http://localhost'])(
    'refuses %s',
    (raw) => {
      expect(parseCitationIdentifier(raw)).toBeNull();
    },
  );
});

describe('citationUrl (exports)', () => {
  it('links a PMID to PubMed, a DOI to doi.org and a URL to itself', () => {
    expect(citationUrl({ kind: 'PMID', identifier: '19453976' })).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/19453976/',
    );
    expect(citationUrl({ kind: 'DOI', identifier: '10.1111/j.1526-4637.2009.00613.x' })).toBe(
      'https://doi.org/10.1111/j.1526-4637.2009.00613.x',
    );
    expect(citationUrl({ kind: 'URL', identifier: 'https://example.org/a?b=1' })).toBe(
      'https://example.org/a?b=1',
    );
  });

  it('escapes the characters of old DOIs that would break a link', () => {
    expect(
      citationUrl({ kind: 'DOI', identifier: '10.1002/(SICI)1097-4636(199602)30:2<149::AID>3.0.CO;2-#' }),
    ).toBe('https://doi.org/10.1002/(SICI)1097-4636(199602)30%3A2%3C149%3A%3AAID%3E3.0.CO%3B2-%23');
  });
});
