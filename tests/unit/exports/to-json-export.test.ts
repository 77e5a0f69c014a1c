import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import schema from '@/lib/exports/review-export.schema.json';
import type { ReviewClaimRow, ReviewHeader } from '@/lib/exports/review-types';
import { jsonExport } from '@/lib/exports/to-json-export';
import { BODY, collectText, inBatches, reviewHeader, sampleRows } from './review-fixture';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

// The shared fixture's ids are short names; the schema wants the UUIDs the database hands out.
const uuid = (n: number) => `0190a0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const SECTION = uuid(900);
const REVIEWERS: Record<string, string> = { ana: uuid(901), ben: uuid(902) };

function withUuids(rows: ReviewClaimRow[]): ReviewClaimRow[] {
  return rows.map((row) => ({
    ...row,
    id: uuid(row.number),
    sectionId: SECTION,
    url: `https://review.example.org/documents/${uuid(0)}?claim=${uuid(row.number)}`,
    assessments: row.assessments.map((a) => ({ ...a, reviewerId: REVIEWERS[a.reviewerId] ?? a.reviewerId })),
  }));
}

function uuidHeader(rows: ReviewClaimRow[], overrides: Partial<ReviewHeader> = {}): ReviewHeader {
  const header = reviewHeader(rows, overrides);
  return {
    ...header,
    document: { ...header.document, id: uuid(0) },
    appDocumentUrl: `https://review.example.org/documents/${uuid(0)}`,
    reviewers: header.reviewers.map((r) => ({ ...r, id: REVIEWERS[r.id] ?? r.id })),
    sections: [{ id: SECTION, heading: 'Low-dose naltrexone and depression' }],
    ...overrides,
  };
}

function richRows(): ReviewClaimRow[] {
  const rows = withUuids(sampleRows());
  const [first, , third] = rows;
  if (!first || !third) throw new Error('fixture changed');
  first.adjudications = [
    {
      adjudicator: 'Ada Admin',
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      note: 'Settled.',
      createdAt: '2026-11-22T08:00:00.000Z',
    },
  ];
  first.consensus = { ...first.consensus, adjudicated: true };
  third.comments = [
    {
      id: uuid(950),
      parentId: null,
      author: 'Ben Reviewer',
      body: 'Which trial?\n“Quoted”, 🙂',
      createdAt: '2026-11-21T10:00:00.000Z',
      resolvedAt: null,
    },
    {
      id: uuid(951),
      parentId: uuid(950),
      author: 'Ana Reviewer',
      body: 'The 2023 pilot.',
      createdAt: '2026-11-21T11:00:00.000Z',
      resolvedAt: '2026-11-21T12:00:00.000Z',
    },
  ];
  return rows;
}

async function exportOf(rows: ReviewClaimRow[], header = uuidHeader(rows)) {
  const { text, chunks } = await collectText(jsonExport(header, inBatches(rows)));
  return { text, chunks, json: JSON.parse(text) };
}

describe('jsonExport', () => {
  it('writes the complete review, valid against the committed schema', async () => {
    const { json } = await exportOf(richRows());
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    expect(json.schemaVersion).toBe(1);
    expect(json.claims).toHaveLength(4);
    expect(json.claims[0].adjudications[0].note).toBe('Settled.');
    expect(json.claims[2].comments[0].body).toBe('Which trial?\n“Quoted”, 🙂');
  });

  it('gives each claim W3C selectors that find its quote in the body', async () => {
    const { json } = await exportOf(richRows());
    for (const claim of json.claims) {
      const [quote, position] = claim.selectors;
      expect(quote).toEqual({
        type: 'TextQuoteSelector',
        exact: claim.quote,
        prefix: claim.prefix,
        suffix: claim.suffix,
      });
      expect(BODY.slice(position.start, position.end)).toBe(quote.exact);
      expect(BODY.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
    }
  });

  it('streams a batch at a time: the header indented, then one claim a line', async () => {
    const rows = richRows();
    const { text, chunks, json } = await exportOf(rows);
    expect(chunks.length).toBe(2 + Math.ceil(rows.length / 2));
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "schemaVersion": 1,');
    const claimLines = lines.filter((l) => l.startsWith('    {"id":'));
    expect(claimLines.map((l) => JSON.parse(l.replace(/,$/, '')))).toEqual(json.claims);
    expect(text.endsWith('\n  ]\n}\n')).toBe(true);
  });

  it('writes a valid, empty review for a document without claims', async () => {
    const header = uuidHeader([], { reviewers: [], reviewPeriod: { first: null, last: null } });
    const { json, text } = await exportOf([], header);
    expect(text.endsWith('"claims": []\n}\n')).toBe(true);
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    expect(json.claims).toEqual([]);
    expect(json.counts.total).toBe(0);
  });

  it('is strict: a field the schema does not name, or a missing one, is an error', async () => {
    const { json } = await exportOf(richRows());
    expect(validate({ ...json, extra: true })).toBe(false);
    const { openComments: _, ...claimWithoutCount } = json.claims[0];
    expect(validate({ ...json, claims: [claimWithoutCount] })).toBe(false);
    expect(validate({ ...json, claims: [{ ...json.claims[0], status: 'MAYBE' }] })).toBe(false);
  });
});
