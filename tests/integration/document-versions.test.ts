import fs from 'node:fs';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as versionRoute } from '@/app/api/documents/[id]/versions/route';
import { prisma } from '@/lib/db/prisma';
import { listDocuments } from '@/lib/documents/list-documents';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { markdownExport } from '@/lib/exports/markdown-export';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import { versionWords } from '@/lib/summary/header-words';
import { importNewVersion } from '@/lib/versions/import-new-version';
import { getClaimPanel } from '@/lib/workspace/get-claim-panel';
import { assess } from '@/tests/support/assess';
import { createDocument } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

const SAMPLE = fs.readFileSync('prisma/seed/low-dose-naltrexone-depression.txt', 'utf8');
const UNKNOWN = '00000000-0000-7000-8000-000000000000';

// Issue 22's acceptance: five claims assessed; in the new version one of them is reworded and one deleted, and a
// new paragraph is added.
const REWORDED = 'One of the main side effects of LDN is that it may cause vivid dreams';
const REWORDING = 'One of the commonest side effects of LDN is that it can cause vivid dreams';
const DELETED = 'No, LDN theoretically and practically doesn’t cause depression.';
const KEPT = [
  'Activation of these receptors also leads to an elevation in GABA.',
  'LDN stimulates the release of neurotransmitters',
  'Always consult your physician before combining any medication or herbal medicine with LDN.',
];
const NEW_PARAGRAPH =
  'A 2024 randomised trial of LDN in older adults reported no change in sleep quality after twelve weeks.';

function newVersion(): string {
  expect(SAMPLE).toContain(REWORDED);
  expect(SAMPLE).toContain(DELETED);
  const last = KEPT[2] as string;
  return SAMPLE.replace(REWORDED, REWORDING)
    .replace(DELETED, '')
    .replace(last, `${last}\n\n${NEW_PARAGRAPH}`);
}

const request = (documentId: string, cookie: string | null, body: unknown) =>
  new Request(`http://localhost:3000/api/documents/${documentId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

let reviewer: Awaited<ReturnType<typeof signedIn>>;
let documentId: string;
let ids: { reworded: string; deleted: string; kept: string[] };
let claimsBefore: number;

beforeAll(async () => {
  reviewer = await signedIn('REVIEWER');
  const document = await createDocument(SAMPLE);
  documentId = document.id;
  claimsBefore = document.claims.length;
  const find = (start: string) => {
    const claim = document.claims.find((c) => c.quote.startsWith(start));
    if (!claim) throw new Error(`No claim starts “${start}”`);
    return claim.id;
  };
  ids = { reworded: find(REWORDED), deleted: find(DELETED), kept: KEPT.map(find) };
  for (const claimId of [ids.reworded, ids.deleted, ...ids.kept]) {
    await assess({ claimId, reviewerId: reviewer.user.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' });
  }
});

describe('POST /api/documents/{id}/versions', () => {
  it('carries the review over: three kept, one changed and in review, one orphaned with its review, new claims added', async () => {
    const response = await versionRoute(
      request(documentId, reviewer.cookie, { text: newVersion(), format: 'TEXT' }),
      params(documentId),
    );
    const counts = await response.json();
    expect(response.status, JSON.stringify(counts)).toBe(201);
    expect(counts).toMatchObject({ version: 2, changed: 1, orphaned: 1 });
    expect(counts.kept + counts.moved).toBe(claimsBefore - 2);
    expect(counts.added).toBeGreaterThanOrEqual(1);

    const document = await prisma.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(document.textVersion).toBe(2);
    expect(document.body).toContain(NEW_PARAGRAPH);
    const claims = await prisma.claim.findMany({
      where: { documentId },
      include: { assessments: true },
      orderBy: { number: 'asc' },
    });
    const byId = new Map(claims.map((c) => [c.id, c]));
    // Every live claim is pinned into the new body, none overlapping.
    const live = claims.filter((c) => c.deletedAt === null).sort((a, b) => a.start - b.start);
    for (const [i, c] of live.entries()) {
      expect(document.body.slice(c.start, c.end)).toBe(c.quote);
      if (i > 0) expect(c.start).toBeGreaterThanOrEqual((live[i - 1] as (typeof live)[number]).end);
    }

    for (const id of ids.kept) {
      const claim = byId.get(id);
      expect(claim?.reanchorStatus).toMatch(/KEPT|MOVED/);
      expect(claim?.consensusVerdict).toBe('SUPPORTED');
      expect(claim?.assessments).toHaveLength(1);
    }

    const changed = byId.get(ids.reworded);
    expect(changed).toMatchObject({ reanchorStatus: 'CHANGED', consensusVerdict: null, deletedAt: null });
    expect(changed?.quote).toContain(REWORDING);
    expect(changed?.quoteBeforeChange).toContain(REWORDED);
    expect(changed?.textChangedAt).not.toBeNull();
    expect(changed?.assessments[0]).toMatchObject({ verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' });

    const orphan = byId.get(ids.deleted);
    expect(orphan).toMatchObject({ reanchorStatus: 'ORPHANED', consensusVerdict: 'SUPPORTED' });
    expect(orphan?.deletedAt).not.toBeNull();
    expect(orphan?.assessments[0]).toMatchObject({ verdict: 'SUPPORTED' });

    // New sentences are new, unreviewed claims, numbered after every number given before.
    const added = claims.filter((c) => c.reanchorStatus === 'ADDED');
    expect(added).toHaveLength(counts.added);
    expect(added.some((c) => c.quote === NEW_PARAGRAPH)).toBe(true);
    expect(Math.min(...added.map((c) => c.number))).toBe(claimsBefore + 1);
    expect(added.every((c) => c.assessments.length === 0)).toBe(true);

    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { documentId, action: 'document.version-imported' },
    });
    expect(event.after).toMatchObject({ version: 2, changed: 1, orphaned: 1, added: counts.added });
  });

  it('keeps the old version readable with its review as it was', async () => {
    const old = await prisma.documentVersion.findUniqueOrThrow({
      where: { documentId_number: { documentId, number: 1 } },
    });
    expect(old.body).toBe((await createDocumentBody()).body);
    const review = old.review as {
      document: { version: number };
      counts: { SUPPORTED: number; total: number };
      claims: Array<{ id: string; quote: string; status: string; assessments: unknown[] }>;
    };
    expect(review.document.version).toBe(1);
    expect(review.counts).toMatchObject({ SUPPORTED: 5, total: claimsBefore });
    const reworded = review.claims.find((c) => c.id === ids.reworded);
    expect(reworded).toMatchObject({ status: 'SUPPORTED' });
    expect(reworded?.quote).toContain(REWORDED);
    expect(reworded?.assessments).toHaveLength(1);
  });

  it('has the summary state the version and what it did to the claims; a reviewer confirms the changed claim', async () => {
    const header = await loadReviewHeader({
      documentId,
      reader: { role: 'ADMIN' },
      filter: { only: null, sectionId: null },
      appUrl: 'http://localhost:3000',
      exportedAt: new Date(),
    });
    expect(header.document.version).toBe(2);
    expect(header.document.changes).toMatchObject({ since: 1, changed: 1, orphaned: 1 });
    // The changed claim is in review again, not a conflict: its one verdict predates its new words.
    expect(header.counts).toMatchObject({ SUPPORTED: 3, IN_REVIEW: 1, CONFLICT: 0 });
    const rows = [];
    for await (const batch of reviewClaimBatches({
      documentId,
      filter: { only: null, sectionId: null },
      appUrl: 'http://localhost:3000',
    })) {
      rows.push(...batch);
    }
    expect(rows.find((r) => r.id === ids.reworded)?.status).toBe('IN_REVIEW');
    expect(rows.some((r) => r.id === ids.deleted)).toBe(false);
    expect(versionWords(header.document)).toBe(
      `Version 2 of this document: of the ${claimsBefore} claims of version 1, ${claimsBefore - 2} carried over, 1 with text changed since assessed, 1 orphaned; 1 new claim`,
    );
    const panel = await getClaimPanel({ claimId: ids.reworded, user: reviewer.user });
    expect(panel.status).toBe('IN_REVIEW');
    expect(panel.claim.textChange?.before).toContain(REWORDED);
    expect(panel.claim.textChange?.diff).toContainEqual({ kind: 'removed', text: 'main' });
    expect(panel.claim.textChange?.diff).toContainEqual({ kind: 'added', text: 'commonest' });

    const listed = (await listDocuments({ reader: reviewer.user })).find((d) => d.id === documentId);
    expect(listed?.verdictMix).toMatchObject({ supported: 3, inReview: 1, conflicts: 0 });

    let markdown = '';
    for await (const part of markdownExport(header, (async function* () {})())) markdown += part;
    expect(markdown).toContain(versionWords(header.document));

    await assess({
      claimId: ids.reworded,
      reviewerId: reviewer.user.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      expectedVersion: 1,
    });
    const confirmed = await prisma.claim.findUniqueOrThrow({ where: { id: ids.reworded } });
    expect(confirmed).toMatchObject({ consensusVerdict: 'SUPPORTED', textChangedAt: null });
    expect(
      (await getClaimPanel({ claimId: ids.reworded, user: reviewer.user })).claim.textChange,
    ).toBeUndefined();
  });

  it('refuses an unknown document (404), an empty text (422) and a viewer (403), changing nothing', async () => {
    const body = { text: newVersion(), format: 'TEXT' };
    expect((await versionRoute(request(UNKNOWN, reviewer.cookie, body), params(UNKNOWN))).status).toBe(404);
    const empty = await versionRoute(
      request(documentId, reviewer.cookie, { text: '', format: 'TEXT' }),
      params(documentId),
    );
    expect(empty.status).toBe(422);
    expect(JSON.stringify(await empty.json())).toMatch(/Paste an article/);
    const viewer = await signedIn('VIEWER');
    expect((await versionRoute(request(documentId, viewer.cookie, body), params(documentId))).status).toBe(
      403,
    );
    const signedOut = await versionRoute(request(documentId, null, body), params(documentId));
    expect(signedOut.status).toBe(401);
    const document = await prisma.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(document.textVersion).toBe(2);
  });
});

describe('a new version sent as a file', () => {
  it('reads an uploaded Markdown file as an import does, and is announced to open workspaces', async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const heard: Array<Record<string, unknown>> = [];
    await listener.connect();
    try {
      listener.on('notification', (n) => heard.push(JSON.parse(n.payload ?? '{}')));
      await listener.query('LISTEN review_changes');
      const form = new FormData();
      const markdown = `# ${newVersion().replace(NEW_PARAGRAPH, '')}`;
      form.set('file', new File([markdown], 'ldn-v3.md', { type: 'text/markdown' }));
      const response = await versionRoute(
        new Request(`http://localhost:3000/api/documents/${documentId}/versions`, {
          method: 'POST',
          headers: { cookie: reviewer.cookie },
          body: form,
        }),
        params(documentId),
      );
      expect(response.status).toBe(201);
      // The paragraph version 2 added is gone again: its claim is orphaned, the others carry over.
      expect(await response.json()).toMatchObject({ version: 3, orphaned: 1, changed: 0 });
      const document = await prisma.document.findUniqueOrThrow({ where: { id: documentId } });
      expect(document).toMatchObject({ textVersion: 3, format: 'MARKDOWN' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toContainEqual({
        documentId,
        claimId: null,
        action: 'document.version-imported',
        actorId: reviewer.user.id,
      });
    } finally {
      await listener.end();
    }
  });
});

async function createDocumentBody() {
  // The body as the first import normalised it: the same text imported again.
  const again = await createDocument(SAMPLE);
  return prisma.document.findUniqueOrThrow({ where: { id: again.id }, select: { body: true } });
}

describe('a changed claim under a list’s lead-in', () => {
  it('follows the new words with its lead-in, and a statement a reviewer reworded stays theirs', async () => {
    const { user } = await signedIn('REVIEWER');
    const text = (sleep: string, interest: string) =>
      ['Lead-in test', '', 'Symptoms of low mood:', '', `  • ${sleep}`, `  • ${interest}`, ''].join('\n');
    const document = await createDocument(
      text('Sleeping badly for two weeks or more.', 'Losing interest in most things.'),
    );
    const sleep = document.claims.find((c) => c.quote.startsWith('Sleeping'));
    const interest = document.claims.find((c) => c.quote.startsWith('Losing'));
    expect(sleep?.text).toBe('Symptoms of low mood: Sleeping badly for two weeks or more.');
    await prisma.claim.update({
      where: { id: interest?.id },
      data: { text: 'Low mood shows as a loss of interest.' },
    });

    await importNewVersion({
      documentId: document.id,
      text: text('Sleeping badly for three weeks or more.', 'Losing interest in nearly everything.'),
      format: 'TEXT',
      actorId: user.id,
      appUrl: 'http://localhost:3000',
    });
    const after = await prisma.claim.findMany({
      where: { id: { in: [sleep?.id as string, interest?.id as string] } },
      select: { id: true, text: true, quote: true, reanchorStatus: true },
    });
    expect(after.find((c) => c.id === sleep?.id)).toMatchObject({
      reanchorStatus: 'CHANGED',
      quote: 'Sleeping badly for three weeks or more.',
      text: 'Symptoms of low mood: Sleeping badly for three weeks or more.',
    });
    expect(after.find((c) => c.id === interest?.id)).toMatchObject({
      reanchorStatus: 'CHANGED',
      text: 'Low mood shows as a loss of interest.',
    });
  });
});
