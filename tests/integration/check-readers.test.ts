import { describe, expect, it } from 'vitest';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { sessionTokenOf } from '@/lib/auth/guard';
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from '@/lib/auth/session-policy';
import { prisma } from '@/lib/db/prisma';
import { checkReaders, type Delivery } from '@/lib/live/check-readers';
import type { ReviewChange } from '@/lib/live/review-changes';
import { createDocument, createProject } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

const verdict = { evidenceLevel: null, certainty: null, downgradeReasons: [], rationale: null };

async function reader(role: 'ADMIN' | 'REVIEWER' | 'VIEWER', project: string | null) {
  const { user, cookie } = await signedIn(role, { project });
  const token = (await sessionTokenOf(new Headers({ cookie }))) as string;
  return { user, token };
}

const kind = (delivery: Delivery | undefined) => delivery?.kind;

describe('checkReaders: one check of a change for every reader of a document', () => {
  it('sends to the readers whose session and membership hold, ends the rest, and keeps the blind rule for each', async () => {
    const project = await createProject();
    const { id: documentId, claims } = await createDocument(
      'A test article\n\nLDN may reduce fatigue. It is cheap. Doses are 4.5 mg.\n',
      { projectId: project.id },
    );
    const claim = claims[0]!;
    await prisma.document.update({ where: { id: documentId }, data: { reviewMode: 'BLIND' } });
    const actor = await reader('REVIEWER', project.id);
    const judged = await reader('REVIEWER', project.id);
    const unjudged = await reader('REVIEWER', project.id);
    const lead = await reader('ADMIN', project.id);
    const expired = await reader('REVIEWER', project.id);
    const outsider = await reader('REVIEWER', null);
    const deactivated = await reader('REVIEWER', project.id);
    const due = await reader('REVIEWER', project.id);
    await recordAssessment({
      claimId: claim.id,
      reviewer: { id: judged.user.id, role: 'REVIEWER' },
      verdict: 'SUPPORTED',
      ...verdict,
      expectedVersion: 0,
    });
    await prisma.session.update({
      where: { token: expired.token },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    await prisma.user.update({ where: { id: deactivated.user.id }, data: { deactivatedAt: new Date() } });
    // Last extended longer ago than the refresh interval: only Better Auth may extend it, through the guard.
    await prisma.session.update({
      where: { token: due.token },
      data: {
        expiresAt: new Date(Date.now() + (SESSION_IDLE_SECONDS - SESSION_REFRESH_SECONDS - 60) * 1000),
      },
    });
    const everyone = [actor, judged, unjudged, lead, expired, outsider, deactivated, due];
    const change = (action: string): ReviewChange => ({
      id: 'epoch:1',
      documentId,
      claimId: claim.id,
      action,
      actorId: actor.user.id,
    });
    const check = (action: string) =>
      checkReaders({ change: change(action), tokens: [...everyone.map((r) => r.token), 'signed-out'] });

    const assessed = await check('assessment.updated');
    expect(assessed.get(judged.token)).toEqual({
      kind: 'send',
      notice: {
        claimId: claim.id,
        claimNumber: claim.number,
        action: 'assessment.updated',
        actorName: actor.user.name,
        mine: false,
      },
    });
    expect(assessed.get(actor.token)).toMatchObject({ kind: 'send', notice: { mine: true } });
    expect(kind(assessed.get(lead.token))).toBe('send');
    expect(kind(assessed.get(unjudged.token))).toBe('withhold');
    for (const gone of [expired, outsider, deactivated]) expect(kind(assessed.get(gone.token))).toBe('end');
    expect(kind(assessed.get('signed-out'))).toBe('end');
    const recheck = assessed.get(due.token);
    if (recheck?.kind !== 'recheck') throw new Error(`expected a recheck, got ${recheck?.kind}`);
    expect(kind(recheck.rule('REVIEWER'))).toBe('withhold');
    expect(kind(recheck.rule('ADMIN'))).toBe('send');

    // An adjudication tells the outcome of others' judgements, as the consensus does; a comment tells none.
    for (const action of ['claim.adjudicated', 'consensus.changed']) {
      const outcome = await check(action);
      expect(kind(outcome.get(unjudged.token)), action).toBe('withhold');
      expect(kind(outcome.get(judged.token)), action).toBe('send');
    }
    expect(kind((await check('comment.added')).get(unjudged.token))).toBe('send');

    // A document deleted ends every stream on it.
    await prisma.document.update({ where: { id: documentId }, data: { deletedAt: new Date() } });
    const deleted = await check('comment.added');
    expect([...deleted.values()].map(kind)).toEqual(Array(deleted.size).fill('end'));
  });
});
