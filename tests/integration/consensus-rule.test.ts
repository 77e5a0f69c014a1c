import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjudicateClaim } from '@/lib/adjudications/adjudicate-claim';
import { prisma, transaction } from '@/lib/db/prisma';
import { listDocuments } from '@/lib/documents/list-documents';
import { setReviewMode } from '@/lib/documents/set-review-mode';
import { lockLiveClaim } from '@/lib/domain/lock-live-claim';
import { csvExport } from '@/lib/exports/csv-export';
import { claimReviewJsonLd, jsonExport, webAnnotations } from '@/lib/exports/json-exports';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { markdownExport } from '@/lib/exports/markdown-export';
import { drawPdfExport } from '@/lib/exports/pdf-export';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import schema from '@/lib/exports/review-export.schema.json';
import type { ReviewClaimRow, ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';
import { updateProjectSettings } from '@/lib/projects/update-project-settings';
import { loadWorkspace } from '@/lib/workspace/load-workspace';
import { assess } from '@/tests/support/assess';
import { createDocument, createProject, createUser } from '@/tests/support/fixtures';

const TEXT = [
  'A test article',
  'LDN may reduce fatigue. It is cheap. Most people take 4.5 mg at night. It may help sleep.',
].join('\n\n');
const APP_URL = 'https://review.example.org';
const ALL: ReviewFilter = { only: null, sectionId: null };
const VIEWER = { role: 'VIEWER' } as const;

/** A project that requires two reviewers per claim, its lead, two reviewers and a document of four claims. */
async function twoReviewerProject() {
  const project = await createProject({ reviewersRequired: 2 });
  const lead = await createUser('ADMIN', { project: project.id });
  const [ana, ben] = [
    await createUser('REVIEWER', { project: project.id }),
    await createUser('REVIEWER', { project: project.id }),
  ];
  const { id: documentId, claims } = await createDocument(TEXT, { projectId: project.id });
  expect(claims.length).toBeGreaterThanOrEqual(4);
  return { project, lead, ana, ben, documentId, claimIds: claims.map((c) => c.id) };
}

async function exported(
  documentId: string,
  format: (header: ReviewHeader, batches: AsyncIterable<ReviewClaimRow[]>) => AsyncIterable<string>,
) {
  const header = await loadReviewHeader({
    reader: VIEWER,
    documentId,
    filter: ALL,
    appUrl: APP_URL,
    exportedAt: new Date(),
  });
  let text = '';
  for await (const chunk of format(header, reviewClaimBatches({ documentId, filter: ALL, appUrl: APP_URL })))
    text += chunk;
  return text;
}

async function pdfText(documentId: string) {
  const header = await loadReviewHeader({
    reader: VIEWER,
    documentId,
    filter: ALL,
    appUrl: APP_URL,
    exportedAt: new Date(),
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of drawPdfExport(
    header,
    reviewClaimBatches({ documentId, filter: ALL, appUrl: APP_URL }),
  ))
    chunks.push(chunk);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), {
    mergePages: true,
  });
  return text.replace(/\s+/g, ' ');
}

const consensusOf = (claimId: string) =>
  prisma.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { consensusVerdict: true, consensusEvidenceLevel: true, consensusAt: true },
  });

describe('a project that requires two reviewers per claim', () => {
  let setup: Awaited<ReturnType<typeof twoReviewerProject>>;
  let first: string;

  beforeAll(async () => {
    setup = await twoReviewerProject();
    first = setup.claimIds[0] as string;
    const saved = await assess({
      claimId: first,
      reviewerId: setup.ana.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
    });
    expect(saved.consensus).toEqual({
      state: 'IN_REVIEW',
      verdict: null,
      evidenceLevel: null,
      assessed: 1,
      required: 2,
    });
  });

  it('leaves the first verdict without a consensus: stored, in the workspace and on the dashboard', async () => {
    expect(await consensusOf(first)).toEqual({
      consensusVerdict: null,
      consensusEvidenceLevel: null,
      consensusAt: null,
    });
    const workspace = await loadWorkspace({ documentId: setup.documentId, user: setup.ana });
    expect(workspace.document.reviewersRequired).toBe(2);
    expect(workspace.claims[0]).toMatchObject({ status: 'IN_REVIEW', assessed: 1, level: null });
    expect(workspace.claims[1]).toMatchObject({ status: 'UNREVIEWED', assessed: 0 });

    const [listed] = await listDocuments({ reader: setup.lead, projectId: setup.project.id });
    expect(listed).toMatchObject({ reviewed: 1 });
    expect(listed?.verdictMix).toEqual({
      supported: 0,
      speculative: 0,
      unsupported: 0,
      inReview: 1,
      conflicts: 0,
    });
  });

  it('shows it in review, not as a consensus, in the summary header and rows', async () => {
    const header = await loadReviewHeader({
      reader: VIEWER,
      documentId: setup.documentId,
      filter: ALL,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    expect(header.reviewersRequired).toBe(2);
    expect(header.counts).toMatchObject({ SUPPORTED: 0, IN_REVIEW: 1, CONFLICT: 0 });
    expect(header.chart.SUPPORTED.LEVEL_2).toBe(0);
    const rows: ReviewClaimRow[] = [];
    for await (const batch of reviewClaimBatches({
      documentId: setup.documentId,
      filter: ALL,
      appUrl: APP_URL,
    }))
      rows.push(...batch);
    expect(rows[0]).toMatchObject({
      status: 'IN_REVIEW',
      progress: { assessed: 1, required: 2 },
      consensus: { verdict: null, evidenceLevel: null },
    });
    // The conflicts report does not take a claim in review for a conflict.
    const conflicts = await loadReviewHeader({
      reader: VIEWER,
      documentId: setup.documentId,
      filter: { only: 'conflicts', sectionId: null },
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    expect(conflicts.counts.total).toBe(0);
  });

  it('says "In review (1 of 2)" in every export, and leaves it out of ClaimReview', async () => {
    const { documentId } = setup;
    const md = await exported(documentId, markdownExport);
    expect(md).toContain('| In review | 1 |');
    expect(md.split('\n').find((l) => l.startsWith('| 1 |'))).toContain('In review (1 of 2)');

    const [head, ...records] = parse(await exported(documentId, csvExport), { bom: true }) as string[][];
    const cell = (name: string) => records[0]?.[head?.indexOf(name) ?? -1];
    expect([cell('status'), cell('in review'), cell('consensus verdict')]).toEqual([
      'IN_REVIEW',
      '1 of 2',
      '',
    ]);

    const json = JSON.parse(await exported(documentId, jsonExport));
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    expect(ajv.validate(schema, json), ajv.errorsText()).toBe(true);
    expect(json.claims[0]).toMatchObject({ status: 'IN_REVIEW', progress: { assessed: 1, required: 2 } });

    const jsonLd = JSON.parse(await exported(documentId, claimReviewJsonLd));
    expect(jsonLd['@graph']).toEqual([]);

    const annotations = JSON.parse(await exported(documentId, webAnnotations));
    expect(annotations.first.items[0].body.value).toMatch(/^In review \(1 of 2\)/);

    const pdf = await pdfText(documentId);
    expect(pdf).toContain('In review (1 of 2)');
    expect(pdf).toContain('◐ In review');
  });

  it('makes the consensus when the second reviewer agrees, and a conflict when one disagrees', async () => {
    const agreed = await assess({
      claimId: first,
      reviewerId: setup.ben.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_3',
    });
    expect(agreed.consensus).toMatchObject({
      state: 'AGREED',
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_3',
    });
    expect(await consensusOf(first)).toMatchObject({
      consensusVerdict: 'SUPPORTED',
      consensusEvidenceLevel: 'LEVEL_3',
    });

    const second = setup.claimIds[1] as string;
    await assess({ claimId: second, reviewerId: setup.ana.id, verdict: 'SUPPORTED' });
    const split = await assess({ claimId: second, reviewerId: setup.ben.id, verdict: 'UNSUPPORTED' });
    expect(split.consensus).toMatchObject({ state: 'CONFLICT', assessed: 2, required: 2 });

    const workspace = await loadWorkspace({ documentId: setup.documentId, user: setup.lead });
    expect(workspace.claims.slice(0, 2).map((c) => c.status)).toEqual(['SUPPORTED', 'CONFLICT']);
  });
});

describe('changing the consensus rule', () => {
  it('re-derives every claim of the project in one transaction, keeps adjudications, and audits it', async () => {
    const { project, lead, ana, ben, documentId, claimIds } = await twoReviewerProject();
    const [agreedId, inReviewId, adjudicatedId, conflictId] = claimIds as [string, string, string, string];
    const other = await createDocument(TEXT, { projectId: project.id });
    const otherInReview = other.claims[0]?.id as string;
    for (const reviewerId of [ana.id, ben.id]) {
      await assess({ claimId: agreedId, reviewerId, verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_4' });
    }
    await assess({ claimId: inReviewId, reviewerId: ana.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' });
    await assess({
      claimId: otherInReview,
      reviewerId: ben.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
    });
    await assess({ claimId: adjudicatedId, reviewerId: ana.id, verdict: 'SUPPORTED' });
    await assess({ claimId: adjudicatedId, reviewerId: ben.id, verdict: 'UNSUPPORTED' });
    await adjudicateClaim({
      claimId: adjudicatedId,
      adjudicatorId: lead.id,
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_5',
      note: 'Settled.',
    });
    await assess({ claimId: conflictId, reviewerId: ana.id, verdict: 'SUPPORTED' });
    await assess({ claimId: conflictId, reviewerId: ben.id, verdict: 'UNSUPPORTED' });

    const toOne = await updateProjectSettings({
      projectId: project.id,
      actorId: lead.id,
      expectedVersion: project.version,
      changes: { reviewersRequired: 1 },
    });
    expect(toOne).toMatchObject({ reviewersRequired: 1, version: project.version + 1, recomputed: 2 });
    expect(await consensusOf(inReviewId)).toMatchObject({
      consensusVerdict: 'SUPPORTED',
      consensusEvidenceLevel: 'LEVEL_1',
    });
    expect(await consensusOf(otherInReview)).toMatchObject({
      consensusVerdict: 'UNSUPPORTED',
      consensusEvidenceLevel: 'NONE',
    });
    expect(await consensusOf(agreedId)).toMatchObject({
      consensusVerdict: 'SPECULATIVE',
      consensusEvidenceLevel: 'LEVEL_4',
    });
    expect(await consensusOf(adjudicatedId)).toMatchObject({
      consensusVerdict: 'SPECULATIVE',
      consensusEvidenceLevel: 'LEVEL_5',
    });
    expect(await consensusOf(conflictId)).toMatchObject({ consensusVerdict: null });

    const toThree = await updateProjectSettings({
      projectId: project.id,
      actorId: lead.id,
      expectedVersion: toOne.version,
      changes: { reviewersRequired: 3 },
    });
    // The two agreed claims and the two single verdicts fall back to in review; the adjudication stands.
    expect(toThree.recomputed).toBe(3);
    for (const id of [agreedId, inReviewId, otherInReview]) {
      expect(await consensusOf(id)).toEqual({
        consensusVerdict: null,
        consensusEvidenceLevel: null,
        consensusAt: null,
      });
    }
    expect(await consensusOf(adjudicatedId)).toMatchObject({ consensusVerdict: 'SPECULATIVE' });
    const workspace = await loadWorkspace({ documentId, user: lead });
    expect(workspace.claims.slice(0, 4).map((c) => [c.status, c.assessed])).toEqual([
      ['IN_REVIEW', 2],
      ['IN_REVIEW', 1],
      ['SPECULATIVE', 0],
      ['IN_REVIEW', 2],
    ]);

    const events = await prisma.auditEvent.findMany({
      where: { entityType: 'Project', entityId: project.id, action: 'project.settings-changed' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [lead.id, { reviewersRequired: 2 }, { reviewersRequired: 1, claimsRecomputed: 2 }],
      [lead.id, { reviewersRequired: 1 }, { reviewersRequired: 3, claimsRecomputed: 3 }],
    ]);
  });

  it('waits for a save in flight, so the save and the new rule never interleave', async () => {
    const { project, lead, ana, claimIds } = await twoReviewerProject();
    const claimId = claimIds[0] as string;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // A save's first step: the claim's lock, which holds its project KEY SHARE until the save commits.
    const save = transaction(async (tx) => {
      const claim = await lockLiveClaim(tx, claimId, { assessmentOf: ana.id });
      locked();
      await held;
      return claim.reviewersRequired;
    });
    await isLocked;
    let changed = false;
    const change = updateProjectSettings({
      projectId: project.id,
      actorId: lead.id,
      expectedVersion: project.version,
      changes: { reviewersRequired: 1 },
    }).then((saved) => {
      changed = true;
      return saved;
    });
    // The rule change waits on the project's row lock, as PostgreSQL reports, rather than completing.
    const waiting = async () => {
      const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query LIKE '%FROM "Project" WHERE id = %FOR UPDATE%'`;
      return (row?.n ?? 0) > 0;
    };
    for (let tries = 0; tries < 200 && !changed && !(await waiting()); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(changed).toBe(false);
    expect(await waiting()).toBe(true);
    release();
    expect(await save).toBe(2);
    expect((await change).reviewersRequired).toBe(1);
  });

  it('refuses a stale edit with a conflict, changing nothing', async () => {
    const { project, lead, ana, claimIds } = await twoReviewerProject();
    const claimId = claimIds[0] as string;
    await assess({ claimId, reviewerId: ana.id, verdict: 'SUPPORTED' });
    await updateProjectSettings({
      projectId: project.id,
      actorId: lead.id,
      expectedVersion: project.version,
      changes: { description: 'Someone else got here first.' },
    });
    await expect(
      updateProjectSettings({
        projectId: project.id,
        actorId: lead.id,
        expectedVersion: project.version,
        changes: { reviewersRequired: 1 },
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { current: { description: 'Someone else got here first.', reviewersRequired: 2 } },
    });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      reviewersRequired: 2,
      version: project.version + 1,
    });
    expect(await consensusOf(claimId)).toMatchObject({ consensusVerdict: null });
  });

  it('refuses a rule outside 1 to 3 and a name another project has', async () => {
    const { project, lead } = await twoReviewerProject();
    const taken = await createProject();
    await expect(
      updateProjectSettings({
        projectId: project.id,
        actorId: lead.id,
        expectedVersion: project.version,
        changes: { reviewersRequired: 4 },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { reviewersRequired: expect.any(String) } });
    await expect(
      updateProjectSettings({
        projectId: project.id,
        actorId: lead.id,
        expectedVersion: project.version,
        changes: { name: taken.name },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { name: expect.stringContaining(taken.name) } });
  });
});

describe('adjudication under the rule', () => {
  it('refuses to adjudicate verdicts that differ while fewer reviewers than required have given one', async () => {
    const project = await createProject({ reviewersRequired: 3 });
    const lead = await createUser('ADMIN', { project: project.id });
    const [ana, ben] = [
      await createUser('REVIEWER', { project: project.id }),
      await createUser('REVIEWER', { project: project.id }),
    ];
    const { claims } = await createDocument(TEXT, { projectId: project.id });
    const claimId = claims[0]?.id as string;
    await assess({ claimId, reviewerId: ana.id, verdict: 'SUPPORTED' });
    const split = await assess({ claimId, reviewerId: ben.id, verdict: 'UNSUPPORTED' });
    expect(split.consensus).toMatchObject({ state: 'IN_REVIEW', assessed: 2, required: 3 });
    await expect(
      adjudicateClaim({
        claimId,
        adjudicatorId: lead.id,
        verdict: 'SUPPORTED',
        evidenceLevel: 'NONE',
        note: 'Early.',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('in review (2 of 3)') });
  });
});

describe('blind review and the rule', () => {
  it('shows a reviewer who has not judged a claim neither its progress nor its status', async () => {
    const { lead, ana, ben, documentId, claimIds } = await twoReviewerProject();
    await setReviewMode({ documentId, mode: 'BLIND', userId: lead.id });
    await assess({ claimId: claimIds[0] as string, reviewerId: ana.id, verdict: 'SUPPORTED' });
    const theirs = await loadWorkspace({ documentId, user: ben });
    expect(theirs.claims[0]).toMatchObject({ status: 'UNREVIEWED', assessed: 0 });
    const mine = await loadWorkspace({ documentId, user: ana });
    expect(mine.claims[0]).toMatchObject({ status: 'IN_REVIEW', assessed: 1 });
  });

  it('starts a new document of a blind-by-default project in blind review', async () => {
    const blind = await createProject({ blindByDefault: true });
    const open = await createProject();
    const inBlind = await createDocument(TEXT, { projectId: blind.id });
    const inOpen = await createDocument(TEXT, { projectId: open.id });
    const modes = await prisma.document.findMany({
      where: { id: { in: [inBlind.id, inOpen.id] } },
      select: { id: true, reviewMode: true },
    });
    expect(Object.fromEntries(modes.map((d) => [d.id, d.reviewMode]))).toEqual({
      [inBlind.id]: 'BLIND',
      [inOpen.id]: 'OPEN',
    });
  });
});
