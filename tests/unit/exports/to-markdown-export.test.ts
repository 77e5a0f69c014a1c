import { describe, expect, it } from 'vitest';
import type { JsonExport } from '@/lib/exports/to-json-export';
import { toMarkdownExport } from '@/lib/exports/to-markdown-export';

function review(claims: JsonExport['claims']): JsonExport {
  return {
    schemaVersion: 1,
    exportedAt: '2026-11-29T10:00:00.000Z',
    document: {
      id: 'd',
      title: 'LDN and depression',
      sourceUrl: null,
      author: 'A. Author',
      publishedOn: '2023-03-29',
      body: '',
    },
    counts: { SUPPORTED: 0, SPECULATIVE: 1, UNSUPPORTED: 0, CONFLICT: 0, UNREVIEWED: 1 },
    claims,
  };
}

const base = {
  quote: '',
  start: 0,
  end: 0,
  prefix: '',
  suffix: '',
  kind: 'MECHANISM' as const,
  hedged: false,
  assessments: [],
};

describe('toMarkdownExport', () => {
  it('lists counts, then each claim under its section with verdict, level and comments', () => {
    const md = toMarkdownExport(
      review([
        {
          ...base,
          id: '1',
          text: 'LDN boosts endorphins.',
          section: 'Mechanisms',
          status: 'SPECULATIVE',
          verdict: 'SPECULATIVE',
          evidenceLevel: 'LEVEL_5',
          comments: [{ id: 'c', author: 'Dr Who', body: 'No trial cited.', createdAt: '', resolved: false }],
        },
        {
          ...base,
          id: '2',
          text: 'It is cheap.',
          section: 'Mechanisms',
          status: 'UNREVIEWED',
          verdict: null,
          evidenceLevel: null,
          comments: [],
        },
      ]),
    );
    expect(md).toContain('# Review summary: LDN and depression');
    expect(md).toContain('| Speculative | 1 |');
    expect(md).toContain('| Unreviewed | 1 |');
    expect(md.match(/### Mechanisms/g)).toHaveLength(1);
    expect(md).toContain('1. LDN boosts endorphins.\n   - Verdict: **Speculative**; evidence level: CEBM 5');
    expect(md).toContain('   - Comment by Dr Who: No trial cited.');
    expect(md).toContain('2. It is cheap.\n   - Verdict: **Unreviewed**; evidence level: not set');
  });

  it('escapes markup that reviewers typed, so it reads as typed', () => {
    const md = toMarkdownExport(
      review([
        {
          ...base,
          id: '1',
          text: 'A claim',
          section: null,
          status: 'UNREVIEWED',
          verdict: null,
          evidenceLevel: null,
          comments: [
            {
              id: 'c',
              author: 'x',
              body: '<img src=x onerror=alert(1)>\n[link](http://e.x) *bold*',
              createdAt: '',
              resolved: true,
            },
          ],
        },
      ]),
    );
    expect(md).toContain(
      'Comment by x (resolved): \\<img src=x onerror=alert(1)\\> \\[link\\](http://e.x) \\*bold\\*',
    );
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('says so when a document has no claims', () => {
    expect(toMarkdownExport(review([]))).toContain('_This document has no claims._');
  });
});
