import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCrossrefWork, readPubmedSummary } from '@/lib/citations/citation-source-answers';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/citations', name), 'utf8')) as unknown;

describe('readPubmedSummary', () => {
  it('reads the title, journal, year, authors and publication types of a recorded answer', () => {
    expect(readPubmedSummary(fixture('pubmed/esummary-31234567.json'), '31234567')).toEqual({
      status: 'FOUND',
      metadata: {
        title:
          'Randomized, proof-of-concept trial of low dose naltrexone for patients with breakthrough symptoms of major depressive disorder on antidepressants',
        journal: 'Journal of affective disorders',
        year: 2019,
        authors: ['Mischoulon D', 'Hylek L', 'Yeung AS', 'Fava M'],
        publicationTypes: ['Journal Article', 'Randomized Controlled Trial'],
      },
    });
  });

  it('tells "PubMed has no such record" apart from an answer that says nothing', () => {
    expect(readPubmedSummary(fixture('pubmed/esummary-99999999.json'), '99999999')).toEqual({
      status: 'NOT_FOUND',
      error: 'PubMed: cannot get document summary',
    });
    expect(
      readPubmedSummary(
        { header: { type: 'esummary' }, esummaryresult: ['Invalid uid 0 at position=0'] },
        '0',
      ),
    ).toMatchObject({ status: 'NOT_FOUND' });
    expect(readPubmedSummary({ error: 'API rate limit exceeded', count: '4' }, '1')).toEqual({
      status: 'UNREACHABLE',
      error: 'PubMed: API rate limit exceeded',
    });
    expect(readPubmedSummary('<html>', '1')).toMatchObject({ status: 'UNREACHABLE' });
  });

  it('finds the year in whichever date PubMed gives, and copes with missing fields', () => {
    const answer = readPubmedSummary(
      {
        result: {
          uids: ['5'],
          '5': { uid: '5', pubdate: '', sortpubdate: '2001/01/01 00:00', source: 'BMJ' },
        },
      },
      '5',
    );
    expect(answer).toEqual({
      status: 'FOUND',
      metadata: { title: null, journal: 'BMJ', year: 2001, authors: [], publicationTypes: [] },
    });
  });
});

describe('readCrossrefWork', () => {
  it('reads a recorded work: markup out of the title, "Family Initials" authors, the year issued', () => {
    expect(readCrossrefWork(fixture('crossref/10.1000_ldn.2020.001.json'))).toEqual({
      status: 'FOUND',
      metadata: {
        title: 'Opioid antagonists for depression: a systematic review and meta-analysis',
        journal: 'Psychiatry Research Reviews',
        year: 2020,
        authors: ['Kowalski AB', 'Ribeiro T'],
        publicationTypes: ['journal-article'],
      },
    });
  });

  it('refuses what is not a work', () => {
    expect(readCrossrefWork({ status: 'ok', 'message-type': 'work-list', message: {} })).toMatchObject({
      status: 'UNREACHABLE',
    });
    expect(readCrossrefWork(null)).toMatchObject({ status: 'UNREACHABLE' });
  });
});
