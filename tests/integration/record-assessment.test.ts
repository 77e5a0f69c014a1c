import { describe, expect, it } from 'vitest';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { createDocument, createUser } from '@/tests/support/fixtures';

describe('recordAssessment', () => {
  it('creates, then updates, with an audit event for each and the consensus set', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;

    const first = await recordAssessment({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_5',
      expectedVersion: 0,
    });
    expect(first.version).toBe(1);
    const second = await recordAssessment({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
      expectedVersion: 1,
    });
    expect(second.version).toBe(2);

    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim.consensusVerdict).toBe('UNSUPPORTED');
    expect(claim.consensusEvidenceLevel).toBe('NONE');
    const events = await prisma.auditEvent.findMany({ where: { claimId }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.action)).toEqual([
      'assessment.created',
      'consensus.changed',
      'assessment.updated',
      'consensus.changed',
    ]);
    expect(events[2]).toMatchObject({
      actorId: reviewer.id,
      before: { verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_5' },
      after: { verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' },
    });
  });

  it('refuses a stale write, reports the current values and changes nothing', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    await recordAssessment({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      expectedVersion: 0,
    });

    const stale = recordAssessment({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: null,
      expectedVersion: 0,
    });
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { current: { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2', version: 1 } },
    });
    const saved = await prisma.assessment.findFirstOrThrow({ where: { claimId } });
    expect(saved).toMatchObject({ verdict: 'SUPPORTED', version: 1 });
    expect(await prisma.auditEvent.count({ where: { claimId, action: { startsWith: 'assessment.' } } })).toBe(
      1,
    );
  });

  it('lets exactly one of two simultaneous first writes win', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    const results = await Promise.allSettled([
      recordAssessment({
        claimId,
        reviewerId: reviewer.id,
        verdict: 'SUPPORTED',
        evidenceLevel: null,
        expectedVersion: 0,
      }),
      recordAssessment({
        claimId,
        reviewerId: reviewer.id,
        verdict: 'UNSUPPORTED',
        evidenceLevel: null,
        expectedVersion: 0,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(rejected.reason.code).toBe('CONFLICT');
  });

  it('puts disagreeing reviewers in conflict: no consensus verdict', async () => {
    const [a, b] = [await createUser(), await createUser()];
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    await recordAssessment({
      claimId,
      reviewerId: a.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_1',
      expectedVersion: 0,
    });
    await recordAssessment({
      claimId,
      reviewerId: b.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
      expectedVersion: 0,
    });
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim.consensusVerdict).toBeNull();
  });

  it('answers "not found" for an unknown claim and writes nothing', async () => {
    const reviewer = await createUser();
    const before = await prisma.auditEvent.count();
    await expect(
      recordAssessment({
        claimId: '00000000-0000-7000-8000-000000000000',
        reviewerId: reviewer.id,
        verdict: 'SUPPORTED',
        evidenceLevel: null,
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
