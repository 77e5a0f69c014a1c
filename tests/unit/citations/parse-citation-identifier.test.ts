import { describe, expect, it } from 'vitest';
import { parseCitationIdentifier } from '@/lib/citations/parse-citation-identifier';

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
