import { describe, expect, it } from 'vitest';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';

describe('recordAssessment', () => {
  it('creates, then updates, with an audit event for each and the consensus set', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;

    const first = await recordAssessment({
      claimId,
      reviewer: { id: reviewer.id, role: 'REVIEWER' },
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_5',
      certainty: null,
      downgradeReasons: [],
      rationale: null,
      expectedVersion: 0,
    });
    expect(first.version).toBe(1);
    const second = await recordAssessment({
      claimId,
      reviewer: { id: reviewer.id, role: 'REVIEWER' },
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
      certainty: 'LOW',
      downgradeReasons: ['RISK_OF_BIAS'],
      rationale: '  Only anecdotes.  ',
      expectedVersion: 1,
    });
    expect(second).toMatchObject({
      id: first.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'NONE',
      certainty: 'LOW',
      downgradeReasons: ['RISK_OF_BIAS'],
      rationale: 'Only anecdotes.',
      version: 2,
      consensus: { state: 'AGREED', verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' },
    });

    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim.consensusVerdict).toBe('UNSUPPORTED');
    expect(claim.consensusEvidenceLevel).toBe('NONE');
    const events = await prisma.auditEvent.findMany({
      where: { claimId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((e) => e.action)).toEqual([
      'assessment.created',
      'consensus.changed',
      'assessment.updated',
      'consensus.changed',
    ]);
    expect(events[0]).toMatchObject({
      before: null,
      after: {
        verdict: 'SPECULATIVE',
        evidenceLevel: 'LEVEL_5',
        certainty: null,
        downgradeReasons: [],
        rationale: null,
      },
    });
    expect(events[2]).toMatchObject({
      actorId: reviewer.id,
      before: {
        verdict: 'SPECULATIVE',
        evidenceLevel: 'LEVEL_5',
        certainty: null,
        downgradeReasons: [],
        rationale: null,
      },
      after: {
        verdict: 'UNSUPPORTED',
        evidenceLevel: 'NONE',
        certainty: 'LOW',
        downgradeReasons: ['RISK_OF_BIAS'],
        rationale: 'Only anecdotes.',
      },
    });
    expect(events[3]).toMatchObject({
      actorId: reviewer.id,
      before: { verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_5' },
      after: { state: 'AGREED', verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' },
    });
  });

  it('stores certainty, de-duplicated downgrade reasons and a trimmed rationale; a blank rationale is none', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    await assess({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      certainty: 'MODERATE',
      downgradeReasons: ['IMPRECISION', 'INDIRECTNESS', 'IMPRECISION'],
      rationale: '\n Small trial. \n',
    });
    expect(await prisma.assessment.findFirstOrThrow({ where: { claimId } })).toMatchObject({
      certainty: 'MODERATE',
      downgradeReasons: ['IMPRECISION', 'INDIRECTNESS'],
      rationale: 'Small trial.',
    });
    const cleared = await assess({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'SUPPORTED',
      rationale: '   ',
      expectedVersion: 1,
    });
    expect(cleared).toMatchObject({ certainty: null, downgradeReasons: [], rationale: null, version: 2 });
  });

  it('refuses downgrade reasons without a certainty, and an over-long rationale, writing nothing', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    await expect(
      assess({ claimId, reviewerId: reviewer.id, verdict: 'SUPPORTED', downgradeReasons: ['INCONSISTENCY'] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { downgradeReasons: 'Choose a certainty before giving downgrade reasons.' },
    });
    await expect(
      assess({ claimId, reviewerId: reviewer.id, verdict: 'SUPPORTED', rationale: 'x'.repeat(5_001) }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('at most 5,000 characters; this one has 5,001'),
      details: { rationale: expect.stringContaining('5,000') },
    });
    expect(await prisma.assessment.count({ where: { claimId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { claimId } })).toBe(0);
    await assess({ claimId, reviewerId: reviewer.id, verdict: 'SUPPORTED', rationale: 'y'.repeat(5_000) });
    expect(await prisma.assessment.count({ where: { claimId } })).toBe(1);
  });

  it('refuses a stale write, reports every current field and changes nothing', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    await assess({
      claimId,
      reviewerId: reviewer.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      certainty: 'HIGH',
      rationale: 'A good trial.',
    });
    const saved = await prisma.assessment.findFirstOrThrow({ where: { claimId } });

    const stale = assess({ claimId, reviewerId: reviewer.id, verdict: 'UNSUPPORTED', expectedVersion: 0 });
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      details: {
        current: {
          verdict: 'SUPPORTED',
          evidenceLevel: 'LEVEL_2',
          certainty: 'HIGH',
          downgradeReasons: [],
          rationale: 'A good trial.',
          version: 1,
          updatedAt: saved.updatedAt.toISOString(),
        },
      },
    });
    expect(await prisma.assessment.findFirstOrThrow({ where: { claimId } })).toMatchObject({
      verdict: 'SUPPORTED',
      version: 1,
    });
    expect(await prisma.auditEvent.count({ where: { claimId, action: { startsWith: 'assessment.' } } })).toBe(
      1,
    );
    await expect(
      assess({ claimId, reviewerId: reviewer.id, verdict: 'SUPPORTED', expectedVersion: 3 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { current: { version: 1 } } });
  });

  it('reports no current assessment when the one the reviewer expected does not exist', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    await expect(
      assess({ claimId: claims[0]!.id, reviewerId: reviewer.id, verdict: 'SUPPORTED', expectedVersion: 2 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { current: null } });
  });

  it('lets exactly one of two simultaneous first writes win', async () => {
    const reviewer = await createUser();
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    const results = await Promise.allSettled([
      assess({ claimId, reviewerId: reviewer.id, verdict: 'SUPPORTED' }),
      assess({ claimId, reviewerId: reviewer.id, verdict: 'UNSUPPORTED' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(rejected.reason.code).toBe('CONFLICT');
  });

  it('answers "not found" for an unknown claim and writes nothing', async () => {
    const reviewer = await createUser();
    const before = await prisma.auditEvent.count();
    await expect(
      assess({
        claimId: '00000000-0000-7000-8000-000000000000',
        reviewerId: reviewer.id,
        verdict: 'SUPPORTED',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
