import { describe, expect, it } from 'vitest';
import { adjudicateClaim } from '@/lib/adjudications/adjudicate-claim';
import { prisma } from '@/lib/db/prisma';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';

async function claimUnderReview() {
  const { claims } = await createDocument();
  return claims[0]!.id;
}

const consensusOf = (claimId: string) =>
  prisma.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { consensusVerdict: true, consensusEvidenceLevel: true, consensusAt: true },
  });

const eventsOf = (claimId: string, action: string) =>
  prisma.auditEvent.findMany({ where: { claimId, action }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

/** A claim two reviewers disagree on. */
async function conflictedClaim() {
  const claimId = await claimUnderReview();
  const [a, b] = [await createUser(), await createUser()];
  await assess({ claimId, reviewerId: a.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' });
  const second = await assess({ claimId, reviewerId: b.id, verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' });
  expect(second.consensus).toMatchObject({ state: 'CONFLICT', verdict: null, evidenceLevel: null });
  return { claimId, a, b };
}

describe('consensus', () => {
  it("lets a single reviewer's verdict and level stand", async () => {
    const claimId = await claimUnderReview();
    const reviewer = await createUser();
    const saved = await assess({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_5',
    });
    expect(saved.consensus).toMatchObject({
      state: 'AGREED',
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_5',
    });
    expect(await consensusOf(claimId)).toMatchObject({
      consensusVerdict: 'SPECULATIVE',
      consensusEvidenceLevel: 'LEVEL_5',
      consensusAt: expect.any(Date),
    });
  });

  it('agrees when every verdict agrees, keeping the weakest evidence level', async () => {
    const claimId = await claimUnderReview();
    const [a, b] = [await createUser(), await createUser()];
    await assess({ claimId, reviewerId: a.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' });
    const saved = await assess({ claimId, reviewerId: b.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_3' });
    expect(saved.consensus).toMatchObject({
      state: 'AGREED',
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_3',
    });
    expect(await consensusOf(claimId)).toMatchObject({
      consensusVerdict: 'SUPPORTED',
      consensusEvidenceLevel: 'LEVEL_3',
    });
    const changes = await eventsOf(claimId, 'consensus.changed');
    expect(changes.map((e) => [e.before, e.after])).toEqual([
      [
        { verdict: null, evidenceLevel: null },
        { state: 'AGREED', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' },
      ],
      [
        { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' },
        { state: 'AGREED', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_3' },
      ],
    ]);
  });

  it('puts disagreeing reviewers in conflict, with no consensus, and audits the change', async () => {
    const { claimId, b } = await conflictedClaim();
    expect(await consensusOf(claimId)).toEqual({
      consensusVerdict: null,
      consensusEvidenceLevel: null,
      consensusAt: null,
    });
    const last = (await eventsOf(claimId, 'consensus.changed')).at(-1);
    expect(last).toMatchObject({
      actorId: b.id,
      before: { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' },
      after: { state: 'CONFLICT', verdict: null, evidenceLevel: null },
    });
  });
});

describe('consensus under concurrent saves', () => {
  it('ends in conflict when two reviewers disagree at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const claimId = await claimUnderReview();
      const [a, b] = [await createUser(), await createUser()];
      await Promise.all([
        assess({ claimId, reviewerId: a.id, verdict: 'SUPPORTED' }),
        assess({ claimId, reviewerId: b.id, verdict: 'UNSUPPORTED' }),
      ]);
      expect((await consensusOf(claimId)).consensusVerdict).toBeNull();
    }
  });

  it('never lets a reviewer saving at the same moment overwrite an adjudication', async () => {
    const admin = await createUser('ADMIN');
    for (let round = 0; round < 5; round++) {
      const { claimId, b } = await conflictedClaim();
      const [adjudication, save] = await Promise.allSettled([
        adjudicateClaim({
          claimId,
          adjudicatorId: admin.id,
          verdict: 'SPECULATIVE',
          evidenceLevel: 'LEVEL_4',
          note: 'Decided.',
        }),
        assess({
          claimId,
          reviewerId: b.id,
          verdict: 'SUPPORTED',
          evidenceLevel: 'LEVEL_2',
          expectedVersion: 1,
        }),
      ]);
      expect(save.status).toBe('fulfilled');
      const { consensusVerdict } = await consensusOf(claimId);
      // Either the adjudication came first and stands, or the save resolved the conflict first and the
      // adjudication was refused.
      if (adjudication.status === 'fulfilled') expect(consensusVerdict).toBe('SPECULATIVE');
      else {
        expect(adjudication.reason).toMatchObject({ code: 'VALIDATION' });
        expect(consensusVerdict).toBe('SUPPORTED');
      }
    }
  });
});

describe('adjudicateClaim', () => {
  it('settles a conflict: the decision becomes the consensus, with the note, and both are audited', async () => {
    const { claimId } = await conflictedClaim();
    const admin = await createUser('ADMIN');
    const adjudication = await adjudicateClaim({
      claimId,
      adjudicatorId: admin.id,
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_4',
      note: '  One small trial; the other reviewer missed it.  ',
    });
    expect(adjudication).toMatchObject({
      adjudicator: admin.name,
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_4',
      note: 'One small trial; the other reviewer missed it.',
      createdAt: expect.any(String),
    });
    const claim = await consensusOf(claimId);
    expect(claim).toMatchObject({ consensusVerdict: 'SPECULATIVE', consensusEvidenceLevel: 'LEVEL_4' });
    expect(claim.consensusAt?.toISOString()).toBe(adjudication.createdAt);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ version: 1 });

    const [adjudicated] = await eventsOf(claimId, 'claim.adjudicated');
    expect(adjudicated).toMatchObject({
      actorId: admin.id,
      entityType: 'Adjudication',
      entityId: adjudication.id,
      before: { verdict: null, evidenceLevel: null },
      after: {
        verdict: 'SPECULATIVE',
        evidenceLevel: 'LEVEL_4',
        note: 'One small trial; the other reviewer missed it.',
      },
    });
    const changed = (await eventsOf(claimId, 'consensus.changed')).at(-1);
    expect(changed).toMatchObject({
      actorId: admin.id,
      before: { verdict: null, evidenceLevel: null },
      after: { state: 'ADJUDICATED', verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_4' },
    });
  });

  it('keeps the adjudication standing when reviewers change their minds, until it is adjudicated again', async () => {
    const { claimId, a, b } = await conflictedClaim();
    const admin = await createUser('ADMIN');
    await adjudicateClaim({
      claimId,
      adjudicatorId: admin.id,
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_4',
      note: 'First decision.',
    });
    const changesBefore = (await eventsOf(claimId, 'consensus.changed')).length;

    const agreed = await assess({
      claimId,
      reviewerId: b.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      expectedVersion: 1,
    });
    expect(agreed.consensus).toMatchObject({
      state: 'ADJUDICATED',
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_4',
    });
    const flipped = await assess({
      claimId,
      reviewerId: a.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
      expectedVersion: 1,
    });
    expect(flipped.consensus.verdict).toBe('SPECULATIVE');
    expect(await consensusOf(claimId)).toMatchObject({
      consensusVerdict: 'SPECULATIVE',
      consensusEvidenceLevel: 'LEVEL_4',
    });
    expect(await eventsOf(claimId, 'consensus.changed')).toHaveLength(changesBefore);

    // Still allowed, though the reviewers now agree: the claim has been adjudicated before.
    const second = await adjudicateClaim({
      claimId,
      adjudicatorId: admin.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
      note: 'Second decision.',
    });
    expect(await consensusOf(claimId)).toMatchObject({
      consensusVerdict: 'UNSUPPORTED',
      consensusEvidenceLevel: 'NONE',
    });
    expect((await eventsOf(claimId, 'claim.adjudicated')).at(-1)).toMatchObject({
      entityId: second.id,
      before: { verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_4' },
      after: { verdict: 'UNSUPPORTED', evidenceLevel: 'NONE', note: 'Second decision.' },
    });
    expect((await eventsOf(claimId, 'consensus.changed')).at(-1)).toMatchObject({
      before: { verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_4' },
      after: { state: 'ADJUDICATED', verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' },
    });
    // The latest decision stands for later saves too.
    const later = await assess({ claimId, reviewerId: b.id, verdict: 'SPECULATIVE', expectedVersion: 2 });
    expect(later.consensus).toMatchObject({
      state: 'ADJUDICATED',
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
    });
    expect(await prisma.adjudication.count({ where: { claimId } })).toBe(2);
  });

  it('refuses a claim that is not in conflict: unreviewed, single reviewer or agreeing', async () => {
    const admin = await createUser('ADMIN');
    const unreviewed = await claimUnderReview();
    const single = await claimUnderReview();
    const agreeing = await claimUnderReview();
    const [a, b] = [await createUser(), await createUser()];
    await assess({ claimId: single, reviewerId: a.id, verdict: 'SUPPORTED' });
    await assess({ claimId: agreeing, reviewerId: a.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' });
    await assess({ claimId: agreeing, reviewerId: b.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_5' });
    // A reviewer with no verdict yet does not make a conflict either.
    await assess({ claimId: single, reviewerId: b.id, verdict: null, evidenceLevel: 'LEVEL_2' });

    for (const claimId of [unreviewed, single, agreeing]) {
      const before = await consensusOf(claimId);
      await expect(
        adjudicateClaim({
          claimId,
          adjudicatorId: admin.id,
          verdict: 'UNSUPPORTED',
          evidenceLevel: 'NONE',
          note: 'No.',
        }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        message: 'This claim is not in conflict, so there is nothing to adjudicate.',
      });
      expect(await consensusOf(claimId)).toEqual(before);
      expect(await prisma.adjudication.count({ where: { claimId } })).toBe(0);
      expect(await eventsOf(claimId, 'claim.adjudicated')).toHaveLength(0);
    }
  });

  it('requires a note of at most 5,000 characters, and answers "not found" for unknown claims', async () => {
    const { claimId } = await conflictedClaim();
    const admin = await createUser('ADMIN');
    const decide = (note: string, id = claimId) =>
      adjudicateClaim({
        claimId: id,
        adjudicatorId: admin.id,
        verdict: 'SUPPORTED',
        evidenceLevel: 'LEVEL_2',
        note,
      });
    await expect(decide('   ')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { note: expect.any(String) },
    });
    await expect(decide('n'.repeat(5_001))).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { note: expect.stringContaining('5,000') },
    });
    await expect(decide('Fine.', '00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(decide('Fine.', 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.adjudication.count({ where: { claimId } })).toBe(0);
    await decide('n'.repeat(5_000));
    expect(await prisma.adjudication.count({ where: { claimId } })).toBe(1);
  });
});
