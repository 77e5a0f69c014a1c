import { describe, expect, it } from 'vitest';
import { adjudicateClaim } from '@/lib/adjudications/adjudicate-claim';
import { addCitation } from '@/lib/citations/add-citation';
import { deleteClaim } from '@/lib/claim-edits/delete-claim';
import { addComment } from '@/lib/comments/add-comment';
import { resolveComment } from '@/lib/comments/resolve-comment';
import { prisma } from '@/lib/db/prisma';
import { setReviewMode } from '@/lib/documents/set-review-mode';
import { getClaimPanel } from '@/lib/workspace/get-claim-panel';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';

const TEXT =
  'A test article\n\nLDN may reduce fatigue. It is cheap.\n\nDosing\n\nMost people take 4.5 mg at night.\n';

/** A document with a claim that two reviewers disagree on and an admin has adjudicated. */
async function reviewedClaim() {
  const admin = await createUser('ADMIN');
  const [alice, bob, carol] = [await createUser(), await createUser(), await createUser()];
  const viewer = await createUser('VIEWER');
  const { id, claims } = await createDocument(TEXT);
  const claim = claims.at(-1)!;
  await assess({
    claimId: claim.id,
    reviewerId: alice.id,
    verdict: 'SUPPORTED',
    evidenceLevel: 'LEVEL_2',
    certainty: 'MODERATE',
    downgradeReasons: ['IMPRECISION'],
    rationale: 'One trial.',
  });
  await assess({ claimId: claim.id, reviewerId: bob.id, verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' });
  await adjudicateClaim({
    claimId: claim.id,
    adjudicatorId: admin.id,
    verdict: 'SPECULATIVE',
    evidenceLevel: 'LEVEL_4',
    note: 'Weak evidence.',
  });
  return { admin, alice, bob, carol, viewer, documentId: id, claims, claim };
}

describe('getClaimPanel', () => {
  it('shows the claim with its number, section, assessments, consensus, citations, comments and history', async () => {
    const { admin, alice, bob, documentId, claims, claim } = await reviewedClaim();
    const citation = await addCitation({
      claimId: claim.id,
      userId: alice.id,
      identifier: '10.1000/ldn',
      relation: 'SUPPORTS',
      studyDesign: 'RCT',
    });
    const root = await addComment({ claimId: claim.id, authorId: bob.id, body: 'Which trial?' });
    const reply = await addComment({
      claimId: claim.id,
      authorId: alice.id,
      body: 'Younger 2013.',
      parentId: root.id,
    });
    await resolveComment({ commentId: root.id, userId: alice.id, resolved: true, expectedVersion: 1 });

    const panel = await getClaimPanel({ claimId: claim.id, user: { id: alice.id, role: 'REVIEWER' } });
    expect(panel.claim).toEqual({
      id: claim.id,
      documentId,
      number: claims.length,
      text: claim.text,
      quote: claim.quote,
      kind: claim.kind,
      hedged: claim.hedged,
      citesStudy: false,
      references: [],
      section: 'Dosing',
      version: 1,
      reviewMode: 'OPEN',
    });
    expect(panel.status).toBe('SPECULATIVE');
    expect(panel.consensus).toEqual({
      verdict: 'SPECULATIVE',
      evidenceLevel: 'LEVEL_4',
      at: expect.any(String),
      adjudicated: true,
    });
    expect(panel.mine).toEqual({
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      certainty: 'MODERATE',
      downgradeReasons: ['IMPRECISION'],
      rationale: 'One trial.',
      version: 1,
    });
    expect(panel.othersHidden).toBe(false);
    expect(panel.others).toEqual([
      {
        reviewerId: bob.id,
        reviewer: bob.name,
        verdict: 'UNSUPPORTED',
        evidenceLevel: 'NONE',
        certainty: null,
        downgradeReasons: [],
        rationale: null,
        updatedAt: expect.any(String),
      },
    ]);
    expect(panel.inConflict).toBe(true);
    expect(panel.adjudications).toEqual([
      {
        id: expect.any(String),
        adjudicator: admin.name,
        verdict: 'SPECULATIVE',
        evidenceLevel: 'LEVEL_4',
        note: 'Weak evidence.',
        createdAt: expect.any(String),
      },
    ]);
    expect(panel.citations).toEqual([citation]);
    expect(panel.citations[0]?.url).toBe('https://doi.org/10.1000/ldn');
    expect(panel.comments.map((c) => [c.id, c.parentId, c.resolvedBy, c.version])).toEqual([
      [root.id, null, alice.name, 2],
      [reply.id, root.id, null, 1],
    ]);
    expect(panel.history.map((e) => e.action)).toEqual([
      'comment.resolved',
      'comment.added',
      'comment.added',
      'citation.added',
      'consensus.changed',
      'claim.adjudicated',
      'consensus.changed',
      'assessment.created',
      'consensus.changed',
      'assessment.created',
    ]);
    expect(panel.history[0]).toMatchObject({ actor: alice.name, before: { resolvedAt: null } });
    expect(JSON.parse(JSON.stringify(panel))).toEqual(panel);
  });

  it('hides the others, the consensus and adjudications from a reviewer without a verdict in blind review', async () => {
    const { admin, alice, carol, viewer, documentId, claim } = await reviewedClaim();
    await setReviewMode({ documentId, userId: admin.id, mode: 'BLIND' });
    await addComment({ claimId: claim.id, authorId: alice.id, body: 'Visible to all.' });

    const hidden = await getClaimPanel({ claimId: claim.id, user: { id: carol.id, role: 'REVIEWER' } });
    expect(hidden).toMatchObject({
      status: 'UNREVIEWED',
      consensus: null,
      mine: null,
      othersHidden: true,
      others: [],
      inConflict: false,
      adjudications: [],
    });
    expect(hidden.claim.reviewMode).toBe('BLIND');
    expect(hidden.comments).toHaveLength(1);
    expect(hidden.history.map((e) => e.action)).toEqual(['comment.added']);

    // Carol's own evidence level without a verdict still keeps the others hidden, and her event shows.
    await assess({ claimId: claim.id, reviewerId: carol.id, verdict: null, evidenceLevel: 'LEVEL_3' });
    const partial = await getClaimPanel({ claimId: claim.id, user: { id: carol.id, role: 'REVIEWER' } });
    expect(partial).toMatchObject({ othersHidden: true, others: [], consensus: null });
    expect(partial.mine).toMatchObject({ verdict: null, evidenceLevel: 'LEVEL_3', version: 1 });
    expect(partial.history.map((e) => e.action)).toEqual(['assessment.created', 'comment.added']);

    await assess({
      claimId: claim.id,
      reviewerId: carol.id,
      verdict: 'UNSUPPORTED',
      evidenceLevel: 'LEVEL_3',
      expectedVersion: 1,
    });
    const shown = await getClaimPanel({ claimId: claim.id, user: { id: carol.id, role: 'REVIEWER' } });
    expect(shown).toMatchObject({
      status: 'SPECULATIVE',
      consensus: { verdict: 'SPECULATIVE', adjudicated: true },
      othersHidden: false,
      inConflict: true,
    });
    expect(shown.others).toHaveLength(2);
    expect(shown.adjudications).toHaveLength(1);
    expect(shown.history.filter((e) => e.action === 'claim.adjudicated')).toHaveLength(1);
    expect(shown.history.filter((e) => e.action.startsWith('assessment.'))).toHaveLength(4);

    for (const user of [
      { id: admin.id, role: 'ADMIN' as const },
      { id: viewer.id, role: 'VIEWER' as const },
    ]) {
      const panel = await getClaimPanel({ claimId: claim.id, user });
      expect(panel).toMatchObject({ othersHidden: false, consensus: { verdict: 'SPECULATIVE' } });
      expect(panel.others).toHaveLength(3);
      expect(panel.mine).toBeNull();
    }
  });

  it('answers "not found" for unknown, malformed and deleted claims, and claims of deleted documents', async () => {
    const actor = await createUser();
    const { id, claims } = await createDocument(TEXT);
    const user = { id: actor.id, role: 'REVIEWER' as const };
    for (const claimId of ['00000000-0000-7000-8000-000000000000', 'claim-1'])
      await expect(getClaimPanel({ claimId, user })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await deleteClaim({ claimId: claims[0]!.id, expectedVersion: 1, actorId: actor.id });
    await expect(getClaimPanel({ claimId: claims[0]!.id, user })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // A claim keeps its number when one before it is deleted.
    expect((await getClaimPanel({ claimId: claims[1]!.id, user })).claim.number).toBe(2);
    await prisma.document.update({ where: { id }, data: { deletedAt: new Date() } });
    await expect(getClaimPanel({ claimId: claims[1]!.id, user })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
