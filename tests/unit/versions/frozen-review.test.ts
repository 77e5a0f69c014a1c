import { describe, expect, it } from 'vitest';
import { jsonExport } from '@/lib/exports/json-exports';
import { readFrozenReview } from '@/lib/versions/frozen-review';
import { collectText, inBatches, reviewHeader, sampleRows } from '../exports/review-fixture';

async function frozen(rows = sampleRows()) {
  return JSON.parse((await collectText(jsonExport(reviewHeader(rows), inBatches(rows)))).text) as unknown;
}

describe('readFrozenReview', () => {
  it('reads the JSON review export as DocumentVersion.review holds it', async () => {
    const review = readFrozenReview(await frozen());
    expect(review?.claims.map((c) => c.number)).toEqual([1, 2, 3, 4]);
    expect(review?.claims[0]).toMatchObject({
      status: 'SUPPORTED',
      consensus: { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2', adjudicated: false },
      citations: [{ kind: 'PMID', identifier: '12345678', relation: 'SUPPORTS' }],
      comments: 0,
    });
    expect(review?.claims[2]?.assessments.map((a) => a.verdict)).toEqual(['SUPPORTED', 'UNSUPPORTED']);
  });

  it('orders the claims by where they stand in the text and counts their comments', async () => {
    const rows = sampleRows().reverse();
    const withComment = rows.map((row) =>
      row.number === 4
        ? {
            ...row,
            comments: [
              {
                id: 'c',
                parentId: null,
                author: 'Ana',
                body: 'Hm',
                createdAt: '2026-11-20T00:00:00Z',
                resolvedAt: null,
              },
            ],
            openComments: 1,
          }
        : row,
    );
    const review = readFrozenReview(await frozen(withComment));
    expect(review?.claims.map((c) => c.number)).toEqual([1, 2, 3, 4]);
    expect(review?.claims[3]).toMatchObject({ comments: 1, openComments: 1 });
  });

  it('ignores fields added since, and refuses what is no review (null, never a throw)', async () => {
    const stored = (await frozen()) as { claims: Array<Record<string, unknown>> };
    stored.claims[0] = { ...stored.claims[0], citedStudy: { year: 2006 } };
    expect(readFrozenReview(stored)?.claims).toHaveLength(4);
    expect(readFrozenReview(null)).toBeNull();
    expect(readFrozenReview({ schemaVersion: 1, claims: [] })).toBeNull();
    expect(readFrozenReview({ ...stored, claims: [{ number: 'one' }] })).toBeNull();
  });
});
