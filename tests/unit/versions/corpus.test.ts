import { describe, expect, it } from 'vitest';
import { MIN_SIMILARITY } from '@/lib/versions/reanchor-claims';
import { anchoredScore, corpusTable, runVersionCorpus } from '@/tests/unit/versions/version-corpus';

// Every label of the hand-written version pairs (tests/fixtures/versions), and the score over them that
// `npm run bench:reanchor` prints: precision and recall of "anchored" (kept, moved or changed) against orphaned.

const results = runVersionCorpus();
const report = corpusTable(results);

describe('re-anchoring a corpus of version pairs', () => {
  for (const result of results) {
    describe(`${result.name}: ${result.about}`, () => {
      it.each(result.rows.map((row) => [row.quote, row] as const))('%s', (_, row) => {
        expect(row.got.status, report).toBe(row.expected);
        expect(row.gotQuote, report).toBe(row.expectedQuote);
        if (row.got.status === 'changed') {
          expect(row.got.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
          const before = row.got.diff.filter((c) => c.kind !== 'added').map((c) => c.text);
          const after = row.got.diff.filter((c) => c.kind !== 'removed').map((c) => c.text);
          expect(after.join('')).toBe(row.gotQuote);
          expect(before.join('').replace(/\s+/g, ' ')).toBe(row.quote.replace(/\s+/g, ' '));
        }
      });

      it('gives no two claims overlapping ranges', () => {
        const ranges = result.rows
          .flatMap((row) => (row.got.status === 'orphaned' ? [] : [row.got]))
          .sort((a, b) => a.start - b.start);
        for (let i = 1; i < ranges.length; i++) {
          expect(ranges[i]!.start).toBeGreaterThanOrEqual(ranges[i - 1]!.end);
        }
      });

      it("leaves the new sentences, and only those, to the extractor's new claims", () => {
        expect(result.newClaims).toEqual(result.expectedNewClaims);
      });
    });
  }

  it('anchors what a reviewer would anchor and orphans what they would orphan', () => {
    const score = anchoredScore(results.flatMap((r) => r.rows));
    expect(score.precision, report).toBe(1);
    expect(score.recall, report).toBe(1);
  });
});
