import { describe, expect, it } from 'vitest';
import type { ExtractedClaim } from '@/lib/extraction/types';
import { type ClaimBatch, claimBatch, STATEMENT_BYTES } from '@/lib/imports/claim-batch';

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
  citesStudy: false,
});

/** Every statement's rows, in order. */
const rowsOf = (batch: ClaimBatch) =>
  batch.rows.flatMap(
    (rows) =>
      JSON.parse(new TextDecoder().decode(rows)) as Array<{ id: string; number: number; text: string }>,
  );

describe('claimBatch', () => {
  it('numbers a batch from its place in the document and gives each claim its own id', () => {
    const claims = ['One.', 'Two.', 'Three.', 'Four.'].map((t) => claim(t));
    const rows = rowsOf(claimBatch({ claims, from: 1, count: 2 }));
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
    const ids = rowsOf(batch).map((r) => r.id);
    expect(batch.citations).toEqual([{ claimId: ids[0], kind: 'PMID', identifier: '123' }]);
  });

  it('makes half a character at the edge of a prefix or suffix U+FFFD, as PostgreSQL takes no half in JSON', () => {
    const cut = { ...claim('Dose 😀 fell.'), prefix: '\uDE00 before', suffix: 'after \uD83D' };
    const [row] = rowsOf(claimBatch({ claims: [cut], from: 0, count: 1 }));
    expect(row).toMatchObject({ text: 'Dose 😀 fell.', prefix: '\uFFFD before', suffix: 'after \uFFFD' });
  });

  it('splits a batch into statements of at most STATEMENT_BYTES of rows each, in document order', () => {
    const claims = Array.from({ length: 1_000 }, (_, i) =>
      claim(`Claim ${i + 1} is a sentence of some length, in Ελληνικά.`),
    );
    const batch = claimBatch({ claims, from: 0, count: 1_000 });
    expect(batch.rows.length).toBeGreaterThan(1);
    expect(batch.rows.every((rows) => rows.byteLength <= STATEMENT_BYTES)).toBe(true);
    expect(rowsOf(batch).map((r) => r.number)).toEqual(claims.map((_, i) => i + 1));
  });
});
