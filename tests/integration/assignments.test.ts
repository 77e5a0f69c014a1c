import { beforeAll, describe, expect, it } from 'vitest';
import { assignReview } from '@/lib/assignments/assign-review';
import { listDocumentAssignments } from '@/lib/assignments/list-document-assignments';
import { listMyAssignments } from '@/lib/assignments/list-my-assignments';
import { removeAssignment } from '@/lib/assignments/remove-assignment';
import { requireProjectUser } from '@/lib/auth/guard';
import { prisma } from '@/lib/db/prisma';
import { assess } from '@/tests/support/assess';
import { addMember, createDocument, createProject, createUser } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

// Eight sentences, so eight claims numbered #1–#8.
const TEXT = `Assignments\n\n${Array.from({ length: 8 }, (_, i) => `Claim number ${i + 1} is here.`).join(' ')}\n`;

let projectId: string;
let documentId: string;
let claims: { id: string; number: number }[];
let lead: { id: string };
let reviewer: { id: string };
let viewer: { id: string };

beforeAll(async () => {
  projectId = (await createProject()).id;
  ({ id: documentId, claims } = await createDocument(TEXT, { projectId }));
  [lead, reviewer, viewer] = await Promise.all([
    createUser('ADMIN', { project: null }),
    createUser('REVIEWER', { project: null }),
    createUser('VIEWER', { project: null }),
  ]);
  await addMember(projectId, lead.id, 'LEAD');
  await addMember(projectId, reviewer.id, 'REVIEWER');
  await addMember(projectId, viewer.id, 'VIEWER');
});

const whole = { fromNumber: null, toNumber: null };

describe('assignReview', () => {
  it('lets a lead assign the whole document and a range, each audited', async () => {
    expect(claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const all = await assignReview({ documentId, reviewerId: reviewer.id, ...whole, actorId: lead.id });
    const range = await assignReview({
      documentId,
      reviewerId: lead.id,
      fromNumber: 3,
      toNumber: 5,
      actorId: lead.id,
    });
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: range.id } })).toMatchObject({
      projectId,
      documentId,
      reviewerId: lead.id,
      fromNumber: 3,
      toNumber: 5,
      assignedById: lead.id,
    });
    const events = await prisma.auditEvent.findMany({
      where: { entityId: { in: [all.id, range.id] }, action: 'assignment.created' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.actorId, e.entityType, e.documentId, e.after])).toEqual([
      [lead.id, 'Assignment', documentId, { reviewerId: reviewer.id, fromNumber: null, toNumber: null }],
      [lead.id, 'Assignment', documentId, { reviewerId: lead.id, fromNumber: 3, toNumber: 5 }],
    ]);

    const listed = await listDocumentAssignments({ documentId });
    expect(listed.numbers).toEqual({ lowest: 1, highest: 8 });
    expect(listed.assignable.map((m) => m.id).sort()).toEqual([lead.id, reviewer.id].sort());
    expect(listed.assignments.map((a) => [a.id, a.fromNumber, a.toNumber, a.total])).toEqual(
      expect.arrayContaining([
        [all.id, null, null, 8],
        [range.id, 3, 5, 3],
      ]),
    );

    // The same assignment twice is refused; the reviewer already has it.
    await expect(
      assignReview({ documentId, reviewerId: reviewer.id, ...whole, actorId: lead.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This reviewer already has the whole document.' });
  });

  it('assigns only a lead or reviewer of the project: a viewer or an outsider gets a clear message', async () => {
    const outsider = await createUser('REVIEWER');
    await expect(
      assignReview({ documentId, reviewerId: viewer.id, ...whole, actorId: lead.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: {
        reviewerId: 'A viewer cannot give verdicts. Make them a reviewer in this project to assign them.',
      },
    });
    for (const reviewerId of [outsider.id, '00000000-0000-7000-8000-000000000000', 'not-an-id'])
      await expect(
        assignReview({ documentId, reviewerId, ...whole, actorId: lead.id }),
      ).rejects.toMatchObject({ code: 'VALIDATION', details: { reviewerId: expect.any(String) } });
    expect(await prisma.assignment.count({ where: { documentId, reviewerId: viewer.id } })).toBe(0);
  });

  it('refuses a bad range with a message that says what is wrong', async () => {
    const cases: Array<[number | null, number | null, string]> = [
      [5, 3, 'The range starts after it ends: #5 is above #3.'],
      [3, null, 'Give both ends of the range, or neither to assign the whole document.'],
      [0, 2, 'A range is two claim numbers, such as #12 to #40.'],
      [1.5, 2, 'A range is two claim numbers, such as #12 to #40.'],
      [7, 12, 'The claims of this document run from #1 to #8; choose a range within them.'],
    ];
    for (const [fromNumber, toNumber, message] of cases)
      await expect(
        assignReview({ documentId, reviewerId: reviewer.id, fromNumber, toNumber, actorId: lead.id }),
        `#${fromNumber}–#${toNumber}`,
      ).rejects.toMatchObject({ code: 'VALIDATION', message, details: { range: message } });
    await expect(
      assignReview({ documentId: 'nope', reviewerId: reviewer.id, ...whole, actorId: lead.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('who may assign (the check the actions make)', () => {
  it('a lead may; a reviewer member gets 403; a non-member gets 404', async () => {
    const [asLead, asReviewer, asOutsider] = await Promise.all([
      signedIn('ADMIN'),
      signedIn('REVIEWER'),
      signedIn('REVIEWER'),
    ]);
    await addMember(projectId, asLead.user.id, 'LEAD');
    await addMember(projectId, asReviewer.user.id, 'REVIEWER');
    const check = (cookie: string) =>
      requireProjectUser(
        'project.manage',
        { documentId },
        { request: new Request('http://localhost:3000/', { headers: { Cookie: cookie } }) },
      );
    await expect(check(asLead.cookie)).resolves.toMatchObject({ access: { projectRole: 'LEAD' } });
    await expect(check(asReviewer.cookie)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(check(asOutsider.cookie)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('removeAssignment', () => {
  it('removes an assignment of this document, audited, and answers "not found" for any other', async () => {
    const other = await createDocument(undefined, { projectId });
    const { id } = await assignReview({
      documentId,
      reviewerId: reviewer.id,
      fromNumber: 8,
      toNumber: 8,
      actorId: lead.id,
    });
    await expect(
      removeAssignment({ assignmentId: id, documentId: other.id, actorId: lead.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await removeAssignment({ assignmentId: id, documentId, actorId: lead.id })).toEqual({ id });
    expect(await prisma.assignment.count({ where: { id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: 'assignment.removed' },
    });
    expect([event.actorId, event.documentId, event.before]).toEqual([
      lead.id,
      documentId,
      { reviewerId: reviewer.id, fromNumber: 8, toNumber: 8 },
    ]);
    await expect(removeAssignment({ assignmentId: id, documentId, actorId: lead.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('listMyAssignments', () => {
  it('counts the verdicts I gave on the live claims of my range, with the title and project', async () => {
    const me = await createUser('REVIEWER', { project: null });
    const someoneElse = await createUser('REVIEWER', { project: null });
    await addMember(projectId, me.id, 'REVIEWER');
    await addMember(projectId, someoneElse.id, 'REVIEWER');
    const doc = await createDocument(TEXT, { projectId });
    const byNumber = (n: number) => doc.claims.find((c) => c.number === n)?.id as string;
    const range = await assignReview({
      documentId: doc.id,
      reviewerId: me.id,
      fromNumber: 2,
      toNumber: 6,
      actorId: lead.id,
    });
    const all = await assignReview({ documentId: doc.id, reviewerId: me.id, ...whole, actorId: lead.id });

    await assess({ claimId: byNumber(1), reviewerId: me.id, verdict: 'SUPPORTED' }); // outside the range
    await assess({ claimId: byNumber(2), reviewerId: me.id, verdict: 'SUPPORTED' });
    await assess({ claimId: byNumber(3), reviewerId: me.id, verdict: 'UNSUPPORTED' });
    await assess({ claimId: byNumber(4), reviewerId: me.id, verdict: null, rationale: 'Not sure yet.' }); // no verdict
    await assess({ claimId: byNumber(5), reviewerId: someoneElse.id, verdict: 'SUPPORTED' }); // not mine
    await assess({ claimId: byNumber(6), reviewerId: me.id, verdict: 'SPECULATIVE' });
    await prisma.claim.update({ where: { id: byNumber(6) }, data: { deletedAt: new Date() } }); // deleted

    const mine = await listMyAssignments({ reader: { id: me.id, role: 'REVIEWER' } });
    const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(mine).toEqual([
      {
        id: all.id,
        documentId: doc.id,
        documentTitle: 'Assignments',
        projectName: project.name,
        fromNumber: null,
        toNumber: null,
        reviewed: 3,
        total: 7,
      },
      {
        id: range.id,
        documentId: doc.id,
        documentTitle: 'Assignments',
        projectName: project.name,
        fromNumber: 2,
        toNumber: 6,
        reviewed: 2,
        total: 4,
      },
    ]);
    expect(await listMyAssignments({ reader: { id: me.id, role: 'REVIEWER' }, documentId })).toEqual([]);

    // Made a viewer, or the document deleted, the assignment no longer shows.
    await addMember(projectId, me.id, 'VIEWER');
    expect(await listMyAssignments({ reader: { id: me.id, role: 'REVIEWER' } })).toEqual([]);
    await addMember(projectId, me.id, 'REVIEWER');
    await prisma.document.update({ where: { id: doc.id }, data: { deletedAt: new Date() } });
    expect(await listMyAssignments({ reader: { id: me.id, role: 'REVIEWER' } })).toEqual([]);
  });
});
