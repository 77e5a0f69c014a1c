import { describe, expect, it } from 'vitest';
import { addClaim } from '@/lib/claim-edits/add-claim';
import { prisma } from '@/lib/db/prisma';
import { setReviewMode } from '@/lib/documents/set-review-mode';
import { sectionChoices } from '@/lib/domain/sections';
import { loadWorkspace } from '@/lib/workspace/load-workspace';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';

// Two sections under one heading, each with its claim, and a heading repeated at once, with nothing under the
// first of the two.
const REPEATED_HEADINGS = [
  'Repeated headings',
  'Before any heading, LDN is described as cheap.',
  'Methods',
  'We gave LDN to ten patients.',
  'Results',
  'Mood improved in seven of them.',
  'Methods',
  'A second group took a placebo.',
  'Discussion',
  'Discussion',
  'The effect may be real.',
].join('\n\n');
const TEXT = 'A test article\n\nLDN may reduce fatigue. It is cheap.\n\nMost people take 4.5 mg at night.\n';

describe('loadWorkspace', () => {
  it('lists every claim in order with its status, my verdict, and the quote left to the body', async () => {
    const [alice, bob] = [await createUser(), await createUser()];
    const { id, claims } = await createDocument(TEXT);
    const [first, second] = claims;
    await assess({
      claimId: first!.id,
      reviewerId: alice.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
    });
    await assess({ claimId: second!.id, reviewerId: alice.id, verdict: 'SUPPORTED' });
    await assess({ claimId: second!.id, reviewerId: bob.id, verdict: 'UNSUPPORTED' });

    const data = await loadWorkspace({ documentId: id, user: { id: alice.id, role: 'REVIEWER' } });
    expect(data.claims.map((c) => [c.n, c.status, c.level, c.mine])).toEqual([
      [1, 'SUPPORTED', 'LEVEL_2', 'SUPPORTED'],
      [2, 'CONFLICT', null, 'SUPPORTED'],
      ...claims.slice(2).map((_, i) => [i + 3, 'UNREVIEWED', null, null]),
    ]);
    for (const c of data.claims) {
      expect(c.text).toBeNull();
      expect(data.document.body.slice(c.start, c.end)).toBe(claims[c.n - 1]!.quote);
    }
    expect(data.agreement?.verdict.reviewers).toBe(2);
  });

  it('in blind review shows a reviewer only the claims they have judged in colour', async () => {
    const [admin, alice, bob] = [await createUser('ADMIN'), await createUser(), await createUser()];
    const { id, claims } = await createDocument(TEXT);
    await setReviewMode({ documentId: id, userId: admin.id, mode: 'BLIND' });
    await assess({ claimId: claims[0]!.id, reviewerId: bob.id, verdict: 'SUPPORTED' });
    await assess({ claimId: claims[1]!.id, reviewerId: bob.id, verdict: 'SUPPORTED' });
    await assess({ claimId: claims[1]!.id, reviewerId: alice.id, verdict: 'UNSUPPORTED' });

    const hers = await loadWorkspace({ documentId: id, user: { id: alice.id, role: 'REVIEWER' } });
    expect(hers.claims.slice(0, 2).map((c) => c.status)).toEqual(['UNREVIEWED', 'CONFLICT']);
    const admins = await loadWorkspace({ documentId: id, user: { id: admin.id, role: 'ADMIN' } });
    expect(admins.claims.slice(0, 2).map((c) => c.status)).toEqual(['SUPPORTED', 'CONFLICT']);
    // The agreement between the others would tell her how they judged; it is not even loaded into her page.
    expect(hers.agreement).toBeNull();
    expect(admins.agreement?.verdict.reviewers).toBe(2);
  });

  it('answers "not found" for an unknown or malformed id', async () => {
    const user = await createUser();
    await expect(
      loadWorkspace({ documentId: crypto.randomUUID(), user: { id: user.id, role: 'REVIEWER' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      loadWorkspace({ documentId: 'nope', user: { id: user.id, role: 'REVIEWER' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('labels each claim with its number for life, in document order, after a claim is added before it', async () => {
    const user = await createUser();
    const { id, claims } = await createDocument(TEXT);
    const { body } = await prisma.document.findUniqueOrThrow({ where: { id } });
    // The title is no claim: a claim added there comes first in the list but takes the next free number.
    const added = await addClaim({ documentId: id, start: 0, end: body.indexOf('\n'), actorId: user.id });
    const data = await loadWorkspace({ documentId: id, user: { id: user.id, role: 'REVIEWER' } });
    expect(data.claims.map((c) => [c.id, c.n])).toEqual([
      [added.id, claims.length + 1],
      ...claims.map((c, i) => [c.id, i + 1]),
    ]);
  });

  it('offers each section that holds claims once, by its place, even when its heading recurs', async () => {
    const user = await createUser();
    const { id, claims } = await createDocument(REPEATED_HEADINGS);
    const data = await loadWorkspace({ documentId: id, user: { id: user.id, role: 'REVIEWER' } });
    const inSection = (sectionId: string) => data.claims.filter((c) => c.sectionId === sectionId).length;
    expect(data.sections.map((s) => [s.heading, inSection(s.id)])).toEqual([
      ['Methods', 1],
      ['Results', 1],
      ['Methods', 1],
      ['Discussion', 1],
    ]);
    expect(sectionChoices(data.sections).map((s) => s.label)).toEqual([
      'Methods',
      'Results',
      'Methods (2)',
      'Discussion',
    ]);
    expect(data.claims.filter((c) => c.sectionId === null)).toHaveLength(1);
    expect(claims).toHaveLength(5);
  });
});
