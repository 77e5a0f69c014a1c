import { describe, expect, it } from 'vitest';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { prisma } from '@/lib/db/prisma';
import { listDocuments } from '@/lib/documents/list-documents';
import { changeStamp, liveChangesFrom, unchangedSince } from '@/lib/live/review-changes';
import { listProjects } from '@/lib/projects/list-projects';
import { createDocument, createProject } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits up to 5 s for `check` to hold. */
async function eventually(check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 100 && !(await check()); i++) await sleep(50);
  expect(await check()).toBe(true);
}

describe("the document list's and the project list's claim counts", () => {
  it('are kept per document until a change of it is announced, its rule changes or its text moves on', async () => {
    // The dashboard starts the listener as it renders; without it, nothing is kept.
    liveChangesFrom();
    await eventually(() => changeStamp() !== null);
    const project = await createProject({ reviewersRequired: 2 });
    const { user } = await signedIn('REVIEWER', { project: project.id });
    const reader = { id: user.id, role: user.role };
    const { id: documentId, claims } = await createDocument(undefined, { projectId: project.id });
    // Its import is announced: counted after that, the counts are kept.
    const epoch = changeStamp()?.epoch as string;
    await eventually(() => !unchangedSince(documentId, { epoch, sequence: 0 }));
    const listed = async () => (await listDocuments({ reader, projectId: project.id }))[0];
    const inProjectList = async () => (await listProjects({ reader })).find((p) => p.id === project.id);
    expect(await listed()).toMatchObject({ id: documentId, total: 2, reviewed: 0 });
    expect(await inProjectList()).toMatchObject({ documents: 1, total: 2, reviewed: 0 });

    // A change no use case makes (no audit event, so no announcement) is not counted: the counts are kept.
    const [first, second] = claims as [(typeof claims)[number], (typeof claims)[number]];
    await prisma.claim.update({ where: { id: second.id }, data: { deletedAt: new Date() } });
    expect(await listed()).toMatchObject({ total: 2 });
    expect(await inProjectList()).toMatchObject({ total: 2 });

    // A reviewer's save is announced, and the document is counted again, the claim deleted above with it.
    await recordAssessment({
      claimId: first.id,
      reviewer: reader,
      verdict: 'SUPPORTED',
      evidenceLevel: null,
      certainty: null,
      downgradeReasons: [],
      rationale: null,
      expectedVersion: 0,
    });
    await eventually(async () => (await listed())?.reviewed === 1);
    expect(await listed()).toMatchObject({
      total: 1,
      reviewed: 1,
      verdictMix: { inReview: 1, conflicts: 0 },
    });
    expect(await inProjectList()).toMatchObject({ total: 1, verdictMix: { inReview: 1, conflicts: 0 } });

    // One reviewer's verdict is in review under a rule of two, and a conflict-free consensus-less claim under a
    // rule of one is in conflict: a new rule is counted at once.
    await prisma.project.update({ where: { id: project.id }, data: { reviewersRequired: 1 } });
    expect(await listed()).toMatchObject({ verdictMix: { inReview: 0, conflicts: 1 } });
    expect(await inProjectList()).toMatchObject({ verdictMix: { inReview: 0, conflicts: 1 } });

    // A new version of the text is counted at once too.
    await prisma.claim.update({ where: { id: second.id }, data: { deletedAt: null } });
    await prisma.document.update({ where: { id: documentId }, data: { textVersion: { increment: 1 } } });
    expect(await listed()).toMatchObject({ total: 2 });
  });
});
