import { describe, expect, it } from 'vitest';
import type { ExtractedClaim } from '@/lib/extraction/types';
import { claimBatch } from '@/lib/imports/claim-batch';

const claim = (text: string, sectionIndex: number | null = 0): ExtractedClaim => ({
  text,
  quote: text,
  start: 0,
  end: text.length,
  prefix: '',
  suffix: '',
  sectionIndex,
  kind: 'EFFICACY',
  hedged: false,
  hedges: [],
});

describe('claimBatch', () => {
  it('numbers a batch from its place in the document and gives each claim its own id', () => {
    const claims = ['One.', 'Two.', 'Three.', 'Four.'].map((t) => claim(t));
    const rows = JSON.parse(claimBatch({ claims, from: 1, count: 2 }).rows);
    expect(rows.map((r: { number: number; text: string }) => [r.number, r.text])).toEqual([
      [2, 'Two.'],
      [3, 'Three.'],
    ]);
    expect(new Set(rows.map((r: { id: string }) => r.id)).size).toBe(2);
    expect(rows[0]).toMatchObject({ sectionIndex: 0, kind: 'EFFICACY', hedged: false });
  });

  it('turns the sources a CSV list names into citations of their claims, skipping what is not one', () => {
    const claims = [claim('A.', null), claim('B.', null), claim('C.', null)];
    const batch = claimBatch({ claims, sources: ['PMID: 123', null, 'see the paper'], from: 0, count: 3 });
    const ids = JSON.parse(batch.rows).map((r: { id: string }) => r.id);
    expect(batch.citations).toEqual([{ claimId: ids[0], kind: 'PMID', identifier: '123' }]);
  });

  it('makes half a character at the edge of a prefix or suffix U+FFFD, as PostgreSQL takes no half in JSON', () => {
    const cut = { ...claim('Dose 😀 fell.'), prefix: '\uDE00 before', suffix: 'after \uD83D' };
    const [row] = JSON.parse(claimBatch({ claims: [cut], from: 0, count: 1 }).rows);
    expect(row).toMatchObject({ text: 'Dose 😀 fell.', prefix: '\uFFFD before', suffix: 'after \uFFFD' });
  });
});
