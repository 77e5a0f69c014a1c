import { beforeAll, describe, expect, it } from 'vitest';
import { requireProjectUser } from '@/lib/auth/guard';
import { addCitation } from '@/lib/citations/add-citation';
import { attachOrphanClaim } from '@/lib/claim-edits/attach-orphan-claim';
import { deleteClaim } from '@/lib/claim-edits/delete-claim';
import { addComment } from '@/lib/comments/add-comment';
import { prisma } from '@/lib/db/prisma';
import { setReviewMode } from '@/lib/documents/set-review-mode';
import { AppError } from '@/lib/errors';
import { quoteContext } from '@/lib/extraction/sentences';
import { importNewVersion } from '@/lib/versions/import-new-version';
import { getClaimPanel } from '@/lib/workspace/get-claim-panel';
import { loadWorkspace } from '@/lib/workspace/load-workspace';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

const FALLS = 'Vitamin D lowers the risk of falls in older adults by a fifth.';
const OMEGA = 'Omega-3 supplements reduce triglycerides in most adults within eight weeks.';
const TEA = 'Green tea extract causes weight loss of several kilograms a year.';
// Too far from the old words to be found again: the old claim is orphaned, this one is new.
const PARAPHRASE = 'Fish oil capsules lowered blood fats for many people in two months.';
const UNKNOWN = '00000000-0000-7000-8000-000000000000';

let reviewer: Awaited<ReturnType<typeof signedIn>>;
let documentId: string;
let orphanId: string;
let keptId: string;

/** What a use case refused with: its code and message. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('Expected a refusal.');
}

async function body() {
  return (await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).body;
}

async function place(text: string) {
  const at = (await body()).indexOf(text);
  expect(at).toBeGreaterThanOrEqual(0);
  return { start: at, end: at + text.length };
}

beforeAll(async () => {
  reviewer = await signedIn('REVIEWER');
  const document = await createDocument(['Orphan test', FALLS, OMEGA, TEA].join('\n\n'));
  documentId = document.id;
  const find = (quote: string) => document.claims.find((c) => c.quote === quote)?.id as string;
  orphanId = find(OMEGA);
  keptId = find(FALLS);
  await assess({
    claimId: orphanId,
    reviewerId: reviewer.user.id,
    verdict: 'SUPPORTED',
    evidenceLevel: 'LEVEL_2',
  });
  await addComment({ claimId: orphanId, authorId: reviewer.user.id, body: 'Which trial says eight weeks?' });
  await addCitation({
    claimId: orphanId,
    userId: reviewer.user.id,
    identifier: 'https://example.org/omega-3-trial',
    relation: 'SUPPORTS',
  });
  const counts = await importNewVersion({
    documentId,
    text: ['Orphan test', FALLS, PARAPHRASE, TEA].join('\n\n'),
    format: 'TEXT',
    actorId: reviewer.user.id,
    appUrl: 'http://localhost:3000',
  });
  expect(counts).toMatchObject({ version: 2, orphaned: 1, added: 1 });
});

describe('attachOrphanClaim', () => {
  it('lists the orphan apart in the workspace, with its review', async () => {
    const data = await loadWorkspace({ documentId, user: reviewer.user });
    expect(data.claims.some((c) => c.id === orphanId)).toBe(false);
    expect(data.orphans).toEqual([
      {
        id: orphanId,
        n: 2,
        quote: OMEGA,
        version: 1,
        consensus: { verdict: 'SUPPORTED', level: 'LEVEL_2' },
        assessments: [{ verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' }],
        comments: 1,
        citations: [{ identifier: 'https://example.org/omega-3-trial', relation: 'SUPPORTS' }],
      },
    ]);
  });

  it('keeps the others’ verdicts on an orphan from a reviewer who has not judged it, in blind review', async () => {
    const [admin, other] = [await createUser('ADMIN'), await createUser()];
    await setReviewMode({ documentId, userId: admin.id, mode: 'BLIND' });
    try {
      const [blind] = (await loadWorkspace({ documentId, user: { id: other.id, role: 'REVIEWER' } })).orphans;
      expect(blind).toMatchObject({ id: orphanId, consensus: null, assessments: null, comments: 1 });
      // The reviewer who judged it sees the review as it was.
      const [own] = (await loadWorkspace({ documentId, user: reviewer.user })).orphans;
      expect(own?.assessments).toHaveLength(1);
    } finally {
      await setReviewMode({ documentId, userId: admin.id, mode: 'OPEN' });
    }
  });

  it('refuses a selection that is empty, outside the text or over a live claim, changing nothing', async () => {
    const attach = (range: { start: number; end: number }) =>
      attachOrphanClaim({
        documentId,
        claimId: orphanId,
        ...range,
        expectedVersion: 1,
        actorId: reviewer.user.id,
      });
    const length = (await body()).length;
    expect(await refusal(attach({ start: 5, end: 5 }))).toMatchObject({ code: 'VALIDATION' });
    expect(await refusal(attach({ start: length - 2, end: length + 10 }))).toMatchObject({
      code: 'VALIDATION',
      message: 'Select some of the document text first.',
    });
    expect(await refusal(attach(await place(FALLS)))).toMatchObject({
      code: 'VALIDATION',
      message: 'This text is already part of claim #1. Select text outside it.',
    });
    const orphan = await prisma.claim.findUniqueOrThrow({ where: { id: orphanId } });
    expect(orphan).toMatchObject({ reanchorStatus: 'ORPHANED', quote: OMEGA, version: 1 });
    expect(orphan.deletedAt).not.toBeNull();
  });

  it('refuses an unknown claim (404), a claim that is no orphan (409) and a stale version (409)', async () => {
    const range = await place('Orphan test');
    const attach = (claimId: string, expectedVersion = 1) =>
      attachOrphanClaim({ documentId, claimId, ...range, expectedVersion, actorId: reviewer.user.id });
    expect(await refusal(attach(UNKNOWN))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(attach(keptId))).toMatchObject({
      code: 'CONFLICT',
      message: 'Claim #1 is not an orphan: it is already pinned to the text.',
    });
    expect(await refusal(attach(orphanId, 7))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/changed by someone else/),
    });
    // A claim of another document, named beside this one, is not found here.
    const other = await createDocument('Another\n\nLDN may reduce fatigue in patients.');
    expect(await refusal(attach(other.claims[0]!.id))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a viewer before anything runs (403), as every claim edit does', async () => {
    const viewer = await signedIn('VIEWER');
    const request = new Request('http://localhost:3000/', { headers: { cookie: viewer.cookie } });
    const refused = await refusal(
      requireProjectUser('claim.edit', { documentId, claimId: orphanId }, { request }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    // A reviewer may: the guard finds the orphan's document although the orphan is deleted.
    const allowed = await requireProjectUser(
      'claim.edit',
      { documentId, claimId: orphanId },
      { request: new Request('http://localhost:3000/', { headers: { cookie: reviewer.cookie } }) },
    );
    expect(allowed.user.role).toBe('REVIEWER');
  });

  it('attaches the orphan to the new words: same number, its review kept, text changed since assessed', async () => {
    // The paraphrase came in as a new claim, which nobody has reviewed: the orphan takes its place.
    const added = await prisma.claim.findFirstOrThrow({ where: { documentId, reanchorStatus: 'ADDED' } });
    // A claim a reviewer deleted is not an orphan.
    const tea = await prisma.claim.findFirstOrThrow({ where: { documentId, quote: TEA } });
    await deleteClaim({ claimId: tea.id, expectedVersion: tea.version, actorId: reviewer.user.id });
    expect(
      await refusal(
        attachOrphanClaim({
          documentId,
          claimId: tea.id,
          ...(await place(TEA)),
          expectedVersion: tea.version + 1,
          actorId: reviewer.user.id,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/deleted by a reviewer/) });

    // Spaces selected around the words are left out, as when a claim is added.
    const range = await place(PARAPHRASE);
    const attached = await attachOrphanClaim({
      documentId,
      claimId: orphanId,
      start: range.start - 2,
      end: range.end,
      expectedVersion: 1,
      actorId: reviewer.user.id,
    });
    expect(attached).toMatchObject({
      id: orphanId,
      number: 2,
      quote: PARAPHRASE,
      ...range,
      version: 2,
      replaced: [added.number],
    });
    const replaced = await prisma.claim.findUniqueOrThrow({ where: { id: added.id } });
    expect(replaced.deletedAt).not.toBeNull();
    expect(
      await prisma.auditEvent.findFirst({ where: { claimId: added.id, action: 'claim.deleted' } }),
    ).toMatchObject({ actorId: reviewer.user.id, after: { replacedBy: 2 } });

    const claim = await prisma.claim.findUniqueOrThrow({
      where: { id: orphanId },
      include: { assessments: true, comments: true, citations: true },
    });
    expect(claim).toMatchObject({
      deletedAt: null,
      number: 2,
      quote: PARAPHRASE,
      text: PARAPHRASE,
      ...range,
      reanchorStatus: 'CHANGED',
      quoteBeforeChange: OMEGA,
      consensusVerdict: null,
      consensusEvidenceLevel: null,
      version: 2,
    });
    expect(claim.textChangedAt).not.toBeNull();
    expect({ prefix: claim.prefix, suffix: claim.suffix }).toEqual(
      quoteContext(await body(), range.start, range.end),
    );
    expect(claim.assessments).toMatchObject([{ verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' }]);
    expect(claim.comments).toHaveLength(1);
    expect(claim.citations).toHaveLength(1);

    const events = await prisma.auditEvent.findMany({
      where: { claimId: orphanId, action: { in: ['claim.orphan-attached', 'consensus.changed'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['claim.orphan-attached']));
    const event = events.find((e) => e.action === 'claim.orphan-attached');
    expect(event).toMatchObject({ actorId: reviewer.user.id, documentId, before: { quote: OMEGA } });
    expect(event?.after).toMatchObject({ number: 2, quote: PARAPHRASE });
    expect(events.filter((e) => e.action === 'consensus.changed').at(-1)?.after).toMatchObject({
      state: 'IN_REVIEW',
      reason: 'text changed',
    });

    // In the workspace it is a claim again, in review, with its word diff; no orphans are left.
    const data = await loadWorkspace({ documentId, user: reviewer.user });
    expect(data.orphans).toEqual([]);
    expect(data.claims.find((c) => c.id === orphanId)).toMatchObject({ n: 2, status: 'IN_REVIEW' });
    const panel = await getClaimPanel({ claimId: orphanId, user: reviewer.user });
    expect(panel.status).toBe('IN_REVIEW');
    expect(panel.claim.textChange?.before).toBe(OMEGA);
    expect(
      panel.claim.textChange?.diff.some((part) => part.kind === 'added' && part.text.includes('Fish')),
    ).toBe(true);

    // Attaching it again is refused: the page that offered it is out of date.
    expect(
      await refusal(
        attachOrphanClaim({
          documentId,
          claimId: orphanId,
          ...(await place('Orphan test')),
          expectedVersion: 2,
          actorId: reviewer.user.id,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/not an orphan/) });
  });

  it('does not take the place of a new claim that has been reviewed since it came in', async () => {
    const document = await createDocument(['Reviewed new claim test', FALLS, OMEGA].join('\n\n'));
    const orphan = document.claims.find((c) => c.quote === OMEGA)?.id as string;
    await importNewVersion({
      documentId: document.id,
      text: ['Reviewed new claim test', FALLS, PARAPHRASE].join('\n\n'),
      format: 'TEXT',
      actorId: reviewer.user.id,
      appUrl: 'http://localhost:3000',
    });
    const added = await prisma.claim.findFirstOrThrow({
      where: { documentId: document.id, reanchorStatus: 'ADDED' },
    });
    await addComment({ claimId: added.id, authorId: reviewer.user.id, body: 'Is two months right?' });
    const newBody = (await prisma.document.findUniqueOrThrow({ where: { id: document.id } })).body;
    const start = newBody.indexOf(PARAPHRASE);
    expect(
      await refusal(
        attachOrphanClaim({
          documentId: document.id,
          claimId: orphan,
          start,
          end: start + PARAPHRASE.length,
          expectedVersion: 1,
          actorId: reviewer.user.id,
        }),
      ),
    ).toEqual({
      code: 'VALIDATION',
      message: `This text is already part of claim #${added.number}, new in this version but reviewed since. Select text outside it.`,
    });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: added.id } })).deletedAt).toBeNull();
  });
});
