import crypto from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjudicateClaim } from '@/lib/adjudications/adjudicate-claim';
import { documentAgreement } from '@/lib/agreement/agreement';
import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { csvExport } from '@/lib/exports/csv-export';
import { jsonExport } from '@/lib/exports/json-exports';
import { loadDocumentAgreement } from '@/lib/exports/load-document-agreement';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { markdownExport } from '@/lib/exports/markdown-export';
import { drawPdfExport } from '@/lib/exports/pdf-export';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import schema from '@/lib/exports/review-export.schema.json';
import type { ReviewClaimRow, ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';
import { assess } from '@/tests/support/assess';
import { createDocument, fixtureProject } from '@/tests/support/fixtures';

const APP_URL = 'https://review.example.org';
const ALL: ReviewFilter = { only: null, sectionId: null };
// Viewers read every summary, blind or not; blind review itself is tested at the end.
const VIEWER = { role: 'VIEWER' } as const;
const ARTICLE = [
  'LDN and mood',
  '',
  'How it works',
  '',
  'LDN may raise endorphin levels. It blocks opioid receptors for a few hours.',
  '',
  'Evidence',
  '',
  'A 2023 pilot trial found lower depression scores. LDN cures depression in everyone. Side effects are mild, mostly vivid dreams. Doctors should check for opioid use first.',
  '',
].join('\n');

async function user(name: string, role: 'ADMIN' | 'REVIEWER' | 'VIEWER' = 'REVIEWER') {
  const email = `${crypto.randomBytes(4).toString('hex')}@exports.test`;
  return prisma.user.create({ data: { name, email, role } });
}

async function rowsOf(documentId: string, filter = ALL, batchSize?: number) {
  const batches: ReviewClaimRow[][] = [];
  for await (const batch of reviewClaimBatches({ documentId, filter, appUrl: APP_URL, batchSize })) {
    batches.push(batch);
  }
  return { batches, rows: batches.flat() };
}

// A reviewed document with one claim of each status, a deleted claim, citations and threaded comments:
//   1 supported by both reviewers · (2, deleted) · 3 speculative · 4 in conflict · 5 adjudicated unsupported ·
//   6 unreviewed
let documentId: string;
let sections: { evidence: string; howItWorks: string };
let claimIds: string[];
let ana: { id: string };
let ben: { id: string };

beforeAll(async () => {
  ana = await user('Ana Reviewer');
  ben = await user('Ben Reviewer');
  const cy = await user('Cy Reviewer');
  const admin = await user('Ada Admin', 'ADMIN');
  const document = await createDocument(ARTICLE);
  documentId = document.id;
  claimIds = document.claims.map((c) => c.id);
  const [supported, deleted, speculative, conflict, adjudicated] = claimIds as [
    string,
    string,
    string,
    string,
    string,
  ];
  const heads = await prisma.section.findMany({ where: { documentId }, orderBy: { start: 'asc' } });
  sections = { howItWorks: heads[0]?.id ?? '', evidence: heads[1]?.id ?? '' };

  await assess({
    claimId: supported,
    reviewerId: ana.id,
    verdict: 'SUPPORTED',
    evidenceLevel: 'LEVEL_2',
    certainty: 'MODERATE',
    downgradeReasons: ['IMPRECISION'],
    rationale: 'Pilot RCT.',
  });
  await assess({
    claimId: supported,
    reviewerId: ben.id,
    verdict: 'SUPPORTED',
    evidenceLevel: 'LEVEL_3',
    certainty: 'LOW',
    downgradeReasons: ['RISK_OF_BIAS'],
    rationale: 'Open label, | small.',
  });
  await assess({ claimId: deleted, reviewerId: cy.id, verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' });
  await prisma.claim.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
  await assess({
    claimId: speculative,
    reviewerId: ana.id,
    verdict: 'SPECULATIVE',
    evidenceLevel: 'LEVEL_5',
  });
  await assess({
    claimId: conflict,
    reviewerId: ana.id,
    verdict: 'SUPPORTED',
    evidenceLevel: 'LEVEL_4',
    rationale: 'One pilot | open label.',
  });
  await assess({
    claimId: conflict,
    reviewerId: ben.id,
    verdict: 'UNSUPPORTED',
    evidenceLevel: 'NONE',
    rationale: '<b>No</b> control group.',
  });
  await assess({ claimId: adjudicated, reviewerId: ana.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' });
  await assess({ claimId: adjudicated, reviewerId: ben.id, verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' });
  await adjudicateClaim({
    claimId: adjudicated,
    adjudicatorId: admin.id,
    verdict: 'UNSUPPORTED',
    evidenceLevel: 'NONE',
    note: 'No trial backs this.',
  });

  await prisma.citation.createMany({
    data: [
      {
        claimId: supported,
        kind: 'PMID',
        identifier: '19453976',
        relation: 'SUPPORTS',
        createdById: ana.id,
        title: 'Pilot',
      },
      {
        claimId: adjudicated,
        kind: 'DOI',
        identifier: '10.1000/xyz123',
        relation: 'CONTRADICTS',
        createdById: ben.id,
      },
      {
        claimId: adjudicated,
        kind: 'URL',
        identifier: 'https://example.org/removed',
        relation: 'MENTIONS',
        createdById: ben.id,
        deletedAt: new Date(),
      },
    ],
  });
  const open = await prisma.comment.create({
    data: { claimId: conflict, authorId: ana.id, body: 'Which trial?' },
  });
  await prisma.comment.create({
    data: { claimId: conflict, authorId: ben.id, body: 'The 2023 one.', parentId: open.id },
  });
  const settled = await prisma.comment.create({
    data: {
      claimId: conflict,
      authorId: ben.id,
      body: 'Typo in the quote.',
      resolvedAt: new Date(),
      resolvedById: ana.id,
    },
  });
  await prisma.comment.create({
    data: { claimId: conflict, authorId: ana.id, body: 'Fixed.', parentId: settled.id },
  });
  await prisma.comment.create({
    data: { claimId: conflict, authorId: ana.id, body: 'Oops.', deletedAt: new Date() },
  });
});

describe('loadReviewHeader', () => {
  it('counts the live claims by status, charts verdict by evidence level, and names the review', async () => {
    const exportedAt = new Date('2026-11-29T12:00:00.000Z');
    const header = await loadReviewHeader({
      reader: VIEWER,
      documentId,
      filter: ALL,
      appUrl: APP_URL,
      exportedAt,
    });
    expect(header).toMatchObject({
      schemaVersion: 2,
      exportedAt: '2026-11-29T12:00:00.000Z',
      appDocumentUrl: `${APP_URL}/documents/${documentId}`,
      organisation: { name: 'Evidence Review Dashboard', url: null },
      document: {
        id: documentId,
        title: 'LDN and mood',
        reviewMode: 'OPEN',
        body: expect.stringContaining('LDN'),
      },
      counts: {
        SUPPORTED: 1,
        SPECULATIVE: 1,
        UNSUPPORTED: 1,
        IN_REVIEW: 0,
        CONFLICT: 1,
        UNREVIEWED: 1,
        total: 5,
      },
      sections: [
        { id: sections.howItWorks, heading: 'How it works' },
        { id: sections.evidence, heading: 'Evidence' },
      ],
    });
    // Only reviewers of live claims: Cy assessed the deleted claim alone.
    expect(header.reviewers).toEqual([
      { id: ana.id, name: 'Ana Reviewer' },
      { id: ben.id, name: 'Ben Reviewer' },
    ]);
    expect(header.chart.SUPPORTED.LEVEL_3).toBe(1);
    expect(header.chart.SPECULATIVE.LEVEL_5).toBe(1);
    expect(header.chart.UNSUPPORTED.NONE).toBe(1);
    const charted = Object.values(header.chart).flatMap((levels) => Object.values(levels));
    expect(charted.reduce((a, b) => a + b, 0)).toBe(3);
    expect(header.agreement.claimsAssessed).toBe(4);
    expect(header.agreement.verdict).toMatchObject({ method: 'cohens-kappa', reviewers: 2, claimsUsed: 3 });
    expect(header.reviewPeriod.first).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(header.reviewPeriod.first! <= header.reviewPeriod.last!).toBe(true);
  });

  it('counts only what the filter selects, but keeps agreement and reviewers for the whole review', async () => {
    const load = (filter: ReviewFilter) =>
      loadReviewHeader({ reader: VIEWER, documentId, filter, appUrl: APP_URL, exportedAt: new Date() });
    const conflicts = await load({ only: 'conflicts', sectionId: null });
    expect(conflicts.counts).toEqual({
      SUPPORTED: 0,
      SPECULATIVE: 0,
      UNSUPPORTED: 0,
      IN_REVIEW: 0,
      CONFLICT: 1,
      UNREVIEWED: 0,
      total: 1,
    });
    expect(conflicts.agreement.claimsAssessed).toBe(4);
    expect(conflicts.reviewers).toHaveLength(2);
    const unsupported = await load({ only: 'unsupported', sectionId: null });
    expect(unsupported.counts).toMatchObject({ UNSUPPORTED: 1, total: 1 });
    expect(unsupported.chart.SUPPORTED.LEVEL_3).toBe(0);
    const evidence = await load({ only: null, sectionId: sections.evidence });
    expect(evidence.counts).toEqual({
      SUPPORTED: 0,
      SPECULATIVE: 1,
      UNSUPPORTED: 1,
      IN_REVIEW: 0,
      CONFLICT: 1,
      UNREVIEWED: 1,
      total: 4,
    });
  });

  it('takes the organisation from the environment', async () => {
    process.env.REVIEW_ORGANISATION_NAME = 'LDN Review Group';
    process.env.REVIEW_ORGANISATION_URL = 'https://ldn.example.org';
    try {
      const header = await loadReviewHeader({
        reader: VIEWER,
        documentId,
        filter: ALL,
        appUrl: APP_URL,
        exportedAt: new Date(),
      });
      expect(header.organisation).toEqual({ name: 'LDN Review Group', url: 'https://ldn.example.org' });
    } finally {
      delete process.env.REVIEW_ORGANISATION_NAME;
      delete process.env.REVIEW_ORGANISATION_URL;
    }
  });

  it('exports a stored source that is not an http(s) address as no source, never as a link', async () => {
    const stored = await createDocument();
    const header = async () =>
      loadReviewHeader({
        reader: VIEWER,
        documentId: stored.id,
        filter: ALL,
        appUrl: APP_URL,
        exportedAt: new Date(),
      });
    // Imports refuse such an address; a row written before that check can still hold one.
    await prisma.document.update({ where: { id: stored.id }, data: { sourceUrl: 'javascript:alert(1)' } });
    expect((await header()).document.sourceUrl).toBeNull();
    await prisma.document.update({
      where: { id: stored.id },
      data: { sourceUrl: 'https://news.example.org/ldn' },
    });
    expect((await header()).document.sourceUrl).toBe('https://news.example.org/ldn');
  });

  it('answers "not found" for an unknown or deleted document, and for a section of another document', async () => {
    const options = { reader: VIEWER, filter: ALL, appUrl: APP_URL, exportedAt: new Date() };
    const unknown = '0190a0c4-0000-7000-8000-000000000000';
    await expect(loadReviewHeader({ ...options, documentId: unknown })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(loadReviewHeader({ ...options, documentId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const other = await createDocument();
    await expect(
      loadReviewHeader({
        ...options,
        documentId: other.id,
        filter: { only: null, sectionId: sections.evidence },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The section was not found.' });
    await prisma.document.update({ where: { id: other.id }, data: { deletedAt: new Date() } });
    await expect(loadReviewHeader({ ...options, documentId: other.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('reviewClaimBatches', () => {
  it('lists the live claims in document order with their review summarised', async () => {
    const { rows } = await rowsOf(documentId);
    expect(rows.map((r) => [r.number, r.status])).toEqual([
      [1, 'SUPPORTED'],
      [3, 'SPECULATIVE'],
      [4, 'CONFLICT'],
      [5, 'UNSUPPORTED'],
      [6, 'UNREVIEWED'],
    ]);
    const [supported, , conflict, adjudicated, unreviewed] = rows;
    expect(supported).toMatchObject({
      id: claimIds[0],
      section: 'How it works',
      sectionId: sections.howItWorks,
      text: 'LDN may raise endorphin levels.',
      consensus: {
        verdict: 'SUPPORTED',
        evidenceLevel: 'LEVEL_3',
        at: expect.stringMatching(/Z$/),
        adjudicated: false,
      },
      certainty: 'LOW',
      downgradeReasons: ['RISK_OF_BIAS', 'IMPRECISION'],
      rationale: 'Ana Reviewer: Pilot RCT.\nBen Reviewer: Open label, | small.',
      citations: [
        {
          kind: 'PMID',
          identifier: '19453976',
          url: 'https://pubmed.ncbi.nlm.nih.gov/19453976/',
          title: 'Pilot',
          studyDesign: null,
          relation: 'SUPPORTS',
          note: null,
        },
      ],
      url: `${APP_URL}/documents/${documentId}?claim=${claimIds[0]}`,
    });
    expect(supported?.assessments.map((a) => [a.reviewer, a.verdict, a.certainty])).toEqual([
      ['Ana Reviewer', 'SUPPORTED', 'MODERATE'],
      ['Ben Reviewer', 'SUPPORTED', 'LOW'],
    ]);
    expect(conflict?.comments.map((c) => c.body)).toEqual([
      'Which trial?',
      'The 2023 one.',
      'Typo in the quote.',
      'Fixed.',
    ]);
    expect(conflict?.comments[1]?.parentId).toBe(conflict?.comments[0]?.id);
    // Two threads, one of them resolved: one open thread, its reply not counted.
    expect(conflict?.openComments).toBe(1);
    expect(adjudicated).toMatchObject({
      consensus: { verdict: 'UNSUPPORTED', evidenceLevel: 'NONE', adjudicated: true },
      rationale: 'No trial backs this.',
      adjudications: [
        {
          adjudicator: 'Ada Admin',
          verdict: 'UNSUPPORTED',
          evidenceLevel: 'NONE',
          note: 'No trial backs this.',
        },
      ],
      citations: [{ kind: 'DOI', url: 'https://doi.org/10.1000/xyz123', relation: 'CONTRADICTS' }],
    });
    expect(unreviewed).toMatchObject({ assessments: [], certainty: null, rationale: null, openComments: 0 });
    const body = (await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).body;
    for (const row of rows) expect(body.slice(row.start, row.end)).toBe(row.quote);
  });

  it('keeps each claim its own number when a filter leaves others out, and a deleted one its gap', async () => {
    const numbers = async (filter: ReviewFilter) =>
      (await rowsOf(documentId, filter)).rows.map((r) => r.number);
    expect(await numbers({ only: 'conflicts', sectionId: null })).toEqual([4]);
    expect(await numbers({ only: 'unsupported', sectionId: null })).toEqual([5]);
    expect(await numbers({ only: null, sectionId: sections.evidence })).toEqual([3, 4, 5, 6]);
    expect(await numbers({ only: 'unsupported', sectionId: sections.howItWorks })).toEqual([]);
  });

  it('pages by (start, id) without losing or repeating a claim, even when claims share a start', async () => {
    const { batches } = await rowsOf(documentId, ALL, 2);
    expect(batches.map((b) => b.map((r) => r.number))).toEqual([[1, 3], [4, 5], [6]]);
    // A filtered export's batches end at every second selected claim, and keep the document's numbering.
    const filtered = await rowsOf(documentId, { only: null, sectionId: sections.evidence }, 2);
    expect(filtered.batches.map((b) => b.map((r) => r.number))).toEqual([
      [3, 4],
      [5, 6],
    ]);
    const odd = await rowsOf(documentId, { only: null, sectionId: sections.evidence }, 3);
    expect(odd.batches.map((b) => b.map((r) => r.number))).toEqual([[3, 4, 5], [6]]);

    const tied = await createDocument('Ties\n\nOne claim here. Another claim there.\n');
    const first = tied.claims[0]!;
    await prisma.claim.createMany({
      data: [1, 2, 3].map((i) => ({
        documentId: tied.id,
        number: tied.claims.length + i,
        text: `Tie ${i}`,
        quote: first.quote,
        start: first.start,
        end: first.end,
      })),
    });
    const stored = await prisma.claim.findMany({
      where: { documentId: tied.id },
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
      select: { id: true, number: true },
    });
    for (const size of [1, 2, 3]) {
      const { rows } = await rowsOf(tied.id, ALL, size);
      expect(rows.map((r) => ({ id: r.id, number: r.number }))).toEqual(stored);
    }
  });

  it('answers "not found" for an unknown document before it yields anything', async () => {
    await expect(rowsOf('0190a0c4-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the conflicts report and the open threads', () => {
  const CONFLICTS: ReviewFilter = { only: 'conflicts', sectionId: null };
  const RATIONALE = 'Ana Reviewer: One pilot | open label.\nBen Reviewer: <b>No</b> control group.';

  async function exported(
    format: (header: ReviewHeader, batches: AsyncIterable<ReviewClaimRow[]>) => AsyncIterable<string>,
    filter: ReviewFilter,
  ) {
    const header = await loadReviewHeader({
      reader: VIEWER,
      documentId,
      filter,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    let text = '';
    for await (const chunk of format(header, reviewClaimBatches({ documentId, filter, appUrl: APP_URL })))
      text += chunk;
    return text;
  }

  it("gives each reviewer's rationale on a claim in conflict, in the summary's rows", async () => {
    const { rows } = await rowsOf(documentId, CONFLICTS);
    expect(rows.map((r) => [r.number, r.status, r.rationale])).toEqual([[4, 'CONFLICT', RATIONALE]]);
  });

  it("writes each reviewer's verdict and rationale, escaped, and one open thread in the conflicts Markdown", async () => {
    const md = await exported(markdownExport, CONFLICTS);
    const line = md.split('\n').find((l) => l.startsWith('| 4 |')) ?? '';
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    expect(cells[3]).toBe('In conflict<br>Ana Reviewer: Supported<br>Ben Reviewer: Unsupported');
    expect(cells[7]).toBe(
      'Ana Reviewer: One pilot \\| open label.<br>Ben Reviewer: \\<b\\>No\\</b\\> control group.',
    );
    expect(md).toContain('| Open threads |');
    expect(cells[9]).toBe('1');
  });

  it('counts one open thread in the CSV, the rationale with it', async () => {
    const [head, ...records] = parse(await exported(csvExport, ALL), { bom: true }) as string[][];
    const column = (name: string) => head?.indexOf(name) ?? -1;
    const conflict = records.find((r) => r[column('status')] === 'CONFLICT');
    expect(conflict?.[column('open threads')]).toBe('1');
    expect(conflict?.[column('rationale')]).toBe(RATIONALE);
  });

  it("prints each reviewer's rationale in the conflicts PDF", async () => {
    const filter = CONFLICTS;
    const header = await loadReviewHeader({
      reader: VIEWER,
      documentId,
      filter,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of drawPdfExport(
      header,
      reviewClaimBatches({ documentId, filter, appUrl: APP_URL }),
    ))
      chunks.push(chunk);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), {
      mergePages: true,
    });
    // Each drawn line comes out as its own line, so wrapped text is compared without its whitespace.
    const squashed = text.replace(/\s+/g, '');
    for (const expected of ['Ben Reviewer: Unsupported', ...RATIONALE.split('\n')])
      expect(squashed).toContain(expected.replace(/\s+/g, ''));
  });
});

describe('loadDocumentAgreement', () => {
  const fromEveryAssessment = async (id: string) =>
    documentAgreement(
      await prisma.assessment.findMany({
        where: { claim: { documentId: id, deletedAt: null } },
        select: { claimId: true, reviewerId: true, verdict: true, evidenceLevel: true },
      }),
    );

  it('gives the figures documentAgreement gives from every assessment', async () => {
    expect(await loadDocumentAgreement({ documentId })).toEqual(await fromEveryAssessment(documentId));
  });

  it('agrees with documentAgreement for three reviewers, gaps, fields set apart and a deleted claim', async () => {
    const panel = [await user('P1'), await user('P2'), await user('P3')];
    const { id, claims } = await createDocument(
      `Panel\n\n${Array.from({ length: 8 }, (_, i) => `Claim number ${i + 1} is here.`).join(' ')}\n`,
    );
    const verdicts = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const;
    const levels = ['LEVEL_1', 'LEVEL_3', 'LEVEL_5', 'NONE'] as const;
    for (const [i, claim] of claims.entries()) {
      for (const [r, reviewer] of panel.entries()) {
        if ((i + r) % 4 === 3) continue;
        await assess({
          claimId: claim.id,
          reviewerId: reviewer.id,
          verdict: i % 5 === 4 ? null : verdicts[(i + (r === 2 && i % 2 ? 1 : 0)) % 3]!,
          evidenceLevel: r === 1 && i % 3 === 0 ? null : levels[(i + r) % 4]!,
        });
      }
    }
    await prisma.claim.update({ where: { id: claims[1]!.id }, data: { deletedAt: new Date() } });
    const figures = await loadDocumentAgreement({ documentId: id });
    expect(figures).toEqual(await fromEveryAssessment(id));
    expect(figures.verdict.method).toBe('fleiss-kappa');
    expect(figures.verdict.claimsExcluded).toBeGreaterThan(0);
  });

  it('has nothing to measure without assessments', async () => {
    const { id } = await createDocument();
    expect(await loadDocumentAgreement({ documentId: id })).toEqual(documentAgreement([]));
  });
});

describe('a document without claims', () => {
  it('has zero counts, no batches, and exports a valid, empty review', async () => {
    const { id } = await prisma.document.create({
      data: {
        slug: `empty-${crypto.randomBytes(4).toString('hex')}`,
        title: 'Nothing to check',
        body: '',
        projectId: await fixtureProject(),
      },
    });
    const header = await loadReviewHeader({
      reader: VIEWER,
      documentId: id,
      filter: ALL,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    expect(header.counts).toEqual({
      SUPPORTED: 0,
      SPECULATIVE: 0,
      UNSUPPORTED: 0,
      IN_REVIEW: 0,
      CONFLICT: 0,
      UNREVIEWED: 0,
      total: 0,
    });
    expect(header).toMatchObject({ reviewers: [], sections: [], reviewPeriod: { first: null, last: null } });
    expect(header.agreement.claimsAssessed).toBe(0);
    expect((await rowsOf(id)).batches).toEqual([]);
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    let text = '';
    for await (const chunk of jsonExport(
      header,
      reviewClaimBatches({ documentId: id, filter: ALL, appUrl: APP_URL }),
    )) {
      text += chunk;
    }
    expect(ajv.validate(schema, JSON.parse(text)), ajv.errorsText()).toBe(true);
  });
});

describe('the full JSON export of a reviewed document', () => {
  it('is valid against the committed schema', async () => {
    const header = await loadReviewHeader({
      reader: VIEWER,
      documentId,
      filter: ALL,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    let text = '';
    for await (const chunk of jsonExport(
      header,
      reviewClaimBatches({ documentId, filter: ALL, appUrl: APP_URL }),
    )) {
      text += chunk;
    }
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    expect(ajv.validate(schema, JSON.parse(text)), ajv.errorsText()).toBe(true);
  });
});

describe('loadReviewHeader under blind review', () => {
  it('keeps reviewers out of a blind review, and lets admins and viewers in', async () => {
    const { id } = await createDocument();
    const as = (role: Role) => ({
      documentId: id,
      reader: { role },
      filter: ALL,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    await prisma.document.update({ where: { id }, data: { reviewMode: 'BLIND' } });
    await expect(loadReviewHeader(as('REVIEWER'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message:
        'This document is under blind review, so its summary opens to reviewers once an admin switches it to open review.',
    });
    await expect(loadReviewHeader(as('ADMIN'))).resolves.toMatchObject({ document: { id } });
    await expect(loadReviewHeader(as('VIEWER'))).resolves.toMatchObject({ document: { id } });
    await prisma.document.update({ where: { id }, data: { reviewMode: 'OPEN' } });
    await expect(loadReviewHeader(as('REVIEWER'))).resolves.toMatchObject({ document: { id } });
  });

  it('answers "not found" first, whoever asks', async () => {
    const unknown = '0190a0c4-0000-7000-8000-000000000000';
    await expect(
      loadReviewHeader({
        documentId: unknown,
        reader: { role: 'REVIEWER' },
        filter: ALL,
        appUrl: APP_URL,
        exportedAt: new Date(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
