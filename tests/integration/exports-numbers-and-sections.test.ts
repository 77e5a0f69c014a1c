import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { addClaim } from '@/lib/claim-edits/add-claim';
import { prisma } from '@/lib/db/prisma';
import { BEFORE_FIRST_HEADING } from '@/lib/domain/sections';
import { type ExportFormat, exportFileName } from '@/lib/exports/export-formats';
import { EXPORT_FORMATTERS } from '@/lib/exports/export-formatters';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import schema from '@/lib/exports/review-export.schema.json';
import type { ReviewFilter } from '@/lib/exports/review-types';
import { createDocument, createUser } from '@/tests/support/fixtures';

const APP_URL = 'https://review.example.org';
const ALL: ReviewFilter = { only: null, sectionId: null };

// A claim above the first heading, a heading that recurs with a claim under each, and a heading repeated at once
// with nothing under the first of the two.
const ARTICLE = [
  'Repeated headings',
  'Before any heading, LDN is described as cheap.',
  'Methods',
  'We gave LDN to ten patients.',
  'Results',
  'Mood improved in seven of them.',
  'Methods',
  'A second group took a placebo.',
  'Discussion',
  'Discussion',
  'The effect may be real.',
].join('\n\n');

let documentId: string;

beforeAll(async () => {
  const actor = await createUser();
  const document = await createDocument(ARTICLE);
  documentId = document.id;
  expect(document.claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
  // A claim added later between claims 2 and 3 (the heading "Results" is no claim yet): it takes number 6.
  const at = document.claims[2]!.start - 'Results\n\n'.length;
  const added = await addClaim({ documentId, start: at, end: at + 'Results'.length, actorId: actor.id });
  expect(added.number).toBe(6);
});

async function exportText(format: Exclude<ExportFormat, 'pdf'>, filter = ALL) {
  const header = await loadReviewHeader({
    documentId,
    reader: { role: 'VIEWER' },
    filter,
    appUrl: APP_URL,
    exportedAt: new Date(),
  });
  let text = '';
  for await (const chunk of EXPORT_FORMATTERS[format](
    header,
    reviewClaimBatches({ documentId, filter, appUrl: APP_URL }),
  )) {
    text += chunk;
  }
  return text;
}

async function csvRows(filter = ALL) {
  const [head, ...rows] = parse(await exportText('csv', filter), { bom: true }) as string[][];
  return rows.map((row) => Object.fromEntries(head!.map((name, i) => [name, row[i]])));
}

/** The cells of the Markdown claims table, one array a row. */
async function markdownRows(filter = ALL) {
  const text = await exportText('md', filter);
  const table = text.slice(text.indexOf('| # | Section |')).split('\n').slice(2);
  return table.filter((line) => line.startsWith('| ')).map((line) => line.slice(2, -2).split(' | '));
}

describe('claim numbers in the exports', () => {
  it('carries each claim its number for life, in document order, in Markdown, CSV and JSON', async () => {
    const inOrder = ['1', '2', '6', '3', '4', '5'];
    expect((await csvRows()).map((r) => r.number)).toEqual(inOrder);
    expect((await markdownRows()).map((cells) => cells[0])).toEqual(inOrder);
    const json = JSON.parse(await exportText('json')) as { claims: Array<{ number: number }> };
    expect(json.claims.map((c) => String(c.number))).toEqual(inOrder);
  });
});

describe('sections in the exports', () => {
  it('names the section of the claims above the first heading alike in Markdown, CSV and JSON', async () => {
    const [first] = await csvRows();
    expect(first).toMatchObject({ number: '1', section: BEFORE_FIRST_HEADING });
    expect((await markdownRows())[0]?.slice(0, 2)).toEqual(['1', BEFORE_FIRST_HEADING]);
    const json = JSON.parse(await exportText('json')) as {
      claims: Array<{ sectionId: string | null; section: string | null }>;
    };
    expect(json.claims[0]).toMatchObject({ sectionId: null, section: BEFORE_FIRST_HEADING });
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    expect(ajv.validate(schema, json), ajv.errorsText()).toBe(true);
  });

  it('lists each section that holds claims once, by its place, and filters by that place', async () => {
    const header = await loadReviewHeader({
      documentId,
      reader: { role: 'VIEWER' },
      filter: ALL,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    expect(header.sections.map((s) => s.heading)).toEqual(['Methods', 'Results', 'Methods', 'Discussion']);
    const [firstMethods, , secondMethods] = header.sections;
    const filtered = async (section: { id: string }) =>
      (await csvRows({ only: null, sectionId: section.id })).map((r) => [r.number, r.section, r.text]);
    expect(await filtered(firstMethods!)).toEqual([['2', 'Methods', 'We gave LDN to ten patients.']]);
    expect(await filtered(secondMethods!)).toEqual([['4', 'Methods', 'A second group took a placebo.']]);

    // The two sections download under two names, and the Markdown says which of the two it holds.
    const names = await Promise.all(
      [firstMethods!, secondMethods!].map(async (section) => {
        const filter = { only: null, sectionId: section.id };
        const sectionHeader = await loadReviewHeader({
          documentId,
          reader: { role: 'VIEWER' },
          filter,
          appUrl: APP_URL,
          exportedAt: new Date(),
        });
        return exportFileName(sectionHeader, 'md');
      }),
    );
    expect(names[0]).toMatch(/-review-section-methods\.md$/);
    expect(names[1]).toMatch(/-review-section-methods-2\.md$/);
    expect(await exportText('md', { only: null, sectionId: secondMethods!.id })).toContain(
      'Claims shown: only the section "Methods (2)"',
    );
  });

  it('still reads a section filter whose claims were all deleted, and shows no claims for it', async () => {
    const header = await loadReviewHeader({
      documentId,
      reader: { role: 'VIEWER' },
      filter: ALL,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    const discussion = header.sections.at(-1)!;
    const claim = await prisma.claim.findFirstOrThrow({ where: { documentId, sectionId: discussion.id } });
    await prisma.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date() } });
    try {
      const emptied = await loadReviewHeader({
        documentId,
        reader: { role: 'VIEWER' },
        filter: { only: null, sectionId: discussion.id },
        appUrl: APP_URL,
        exportedAt: new Date(),
      });
      expect(emptied.sections.map((s) => s.heading)).toEqual(['Methods', 'Results', 'Methods', 'Discussion']);
      expect(emptied.counts.total).toBe(0);
      const all = await loadReviewHeader({
        documentId,
        reader: { role: 'VIEWER' },
        filter: ALL,
        appUrl: APP_URL,
        exportedAt: new Date(),
      });
      expect(all.sections.map((s) => s.heading)).toEqual(['Methods', 'Results', 'Methods']);
    } finally {
      await prisma.claim.update({ where: { id: claim.id }, data: { deletedAt: null } });
    }
  });
});
