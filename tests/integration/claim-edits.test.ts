import { describe, expect, it } from 'vitest';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { addClaim } from '@/lib/claim-edits/add-claim';
import { deleteClaim } from '@/lib/claim-edits/delete-claim';
import { editClaimText } from '@/lib/claim-edits/edit-claim-text';
import { mergeWithNext } from '@/lib/claim-edits/merge-claims';
import { splitClaim } from '@/lib/claim-edits/split-claim';
import { prisma } from '@/lib/db/prisma';
import { createDocument, createUser } from '@/tests/support/fixtures';

const TEXT =
  'A test article\n\nLDN may reduce fatigue in patients. It is cheap and widely available. Side effects are rare.\n\n' +
  'Dosing\n\nMost people take 4.5 mg at night. Consult your doctor first.\n';
const UNKNOWN = '00000000-0000-7000-8000-000000000000';

async function setUp() {
  const actor = await createUser();
  const document = await createDocument(TEXT);
  expect(document.claims.length).toBeGreaterThanOrEqual(4);
  return { actor, ...document };
}

async function liveClaims(documentId: string) {
  return prisma.claim.findMany({ where: { documentId, deletedAt: null }, orderBy: { start: 'asc' } });
}

/** Every live claim is still pinned: its quote is exactly the body at its offsets, and none overlap. */
async function expectPinned(documentId: string) {
  const { body } = await prisma.document.findUniqueOrThrow({ where: { id: documentId } });
  const claims = await liveClaims(documentId);
  for (const [i, c] of claims.entries()) {
    expect(body.slice(c.start, c.end)).toBe(c.quote);
    expect(c.quote).toBe(c.quote.trim());
    if (i > 0) expect(c.start).toBeGreaterThanOrEqual(claims[i - 1]!.end);
  }
  return { body, claims };
}

async function assess(claimId: string) {
  const reviewer = await createUser();
  await recordAssessment({
    claimId,
    reviewer: { id: reviewer.id, role: 'REVIEWER' },
    verdict: 'SUPPORTED',
    evidenceLevel: 'LEVEL_2',
    certainty: null,
    downgradeReasons: [],
    rationale: null,
    expectedVersion: 0,
  });
}

const auditActions = async (claimId: string) =>
  (
    await prisma.auditEvent.findMany({
      where: { claimId, action: { startsWith: 'claim.' } },
      orderBy: { createdAt: 'asc' },
    })
  ).map((e) => e.action);

describe('editClaimText', () => {
  it('rewords the claim, keeps the quote pinned, reclassifies it and audits before and after', async () => {
    const { actor, id, claims } = await setUp();
    const claim = claims[0]!;
    const saved = await editClaimText({
      claimId: claim.id,
      text: '  Side effects of LDN are rare.  ',
      expectedVersion: 1,
      actorId: actor.id,
    });
    expect(saved).toMatchObject({
      text: 'Side effects of LDN are rare.',
      kind: 'SAFETY',
      hedged: false,
      version: 2,
    });
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after).toMatchObject({ quote: claim.quote, start: claim.start, end: claim.end, version: 2 });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { claimId: claim.id, action: 'claim.edited' },
    });
    expect(event).toMatchObject({
      actorId: actor.id,
      before: { text: claim.text },
      after: { text: 'Side effects of LDN are rare.', kind: 'SAFETY' },
    });
    await expectPinned(id);
  });

  it('refuses a stale version with the current claim, and empty or oversized text', async () => {
    const { actor, claims } = await setUp();
    const claimId = claims[0]!.id;
    await editClaimText({ claimId, text: 'First edit.', expectedVersion: 1, actorId: actor.id });
    await expect(
      editClaimText({ claimId, text: 'Second edit.', expectedVersion: 1, actorId: actor.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { current: { text: 'First edit.', version: 2 } } });
    await expect(
      editClaimText({ claimId, text: '   ', expectedVersion: 2, actorId: actor.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      editClaimText({ claimId, text: 'x'.repeat(2_001), expectedVersion: 2, actorId: actor.id }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await auditActions(claimId)).toEqual(['claim.edited']);
  });
});

describe('splitClaim', () => {
  it('cuts the quote at a word boundary, trims the cut and pins both parts', async () => {
    const { actor, id, claims } = await setUp();
    const claim = claims[0]!;
    const at = claim.quote.indexOf(' ', 5);
    await editClaimText({
      claimId: claim.id,
      text: 'An edited wording.',
      expectedVersion: 1,
      actorId: actor.id,
    });
    const { first, second } = await splitClaim({
      claimId: claim.id,
      at,
      expectedVersion: 2,
      actorId: actor.id,
    });

    expect(first.quote).toBe(claim.quote.slice(0, at));
    expect(second.quote).toBe(claim.quote.slice(at + 1));
    expect(first.text).toBe(first.quote);
    expect(second.text).toBe(second.quote);
    expect(first.version).toBe(3);
    const { body, claims: live } = await expectPinned(id);
    expect(live).toHaveLength(claims.length + 1);
    const created = live.find((c) => c.id === second.id)!;
    expect(created).toMatchObject({
      documentId: id,
      sectionId: claim.sectionId,
      start: claim.start + at + 1,
    });
    expect(created.prefix).toBe(body.slice(Math.max(0, created.start - 32), created.start));
    expect(created.suffix).toBe(body.slice(created.end, created.end + 32));
    const original = live.find((c) => c.id === claim.id)!;
    expect(original.suffix).toBe(body.slice(original.end, original.end + 32));
    expect(await auditActions(claim.id)).toEqual(['claim.edited', 'claim.split']);
    expect(await auditActions(second.id)).toEqual(['claim.created']);
  });

  it('refuses a cut at either end, a stale version, and an assessed claim without confirmation', async () => {
    const { actor, claims } = await setUp();
    const claim = claims[0]!;
    for (const at of [0, claim.quote.length, 1.5])
      await expect(
        splitClaim({ claimId: claim.id, at, expectedVersion: 1, actorId: actor.id }),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
    const at = claim.quote.indexOf(' ');
    await expect(
      splitClaim({ claimId: claim.id, at, expectedVersion: 7, actorId: actor.id }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { current: { version: 1 } },
    });
    await assess(claim.id);
    await expect(
      splitClaim({ claimId: claim.id, at, expectedVersion: 1, actorId: actor.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'This claim has 1 assessment. Confirm to split it anyway.',
      details: { confirm: 'required' },
    });
    const { second } = await splitClaim({
      claimId: claim.id,
      at,
      expectedVersion: 1,
      actorId: actor.id,
      confirmed: true,
    });
    // The assessment stays with the original claim id.
    expect(await prisma.assessment.count({ where: { claimId: claim.id } })).toBe(1);
    expect(await prisma.assessment.count({ where: { claimId: second.id } })).toBe(0);
  });
});

describe('mergeWithNext', () => {
  it('grows the claim over the next one and soft-deletes the next, keeping its assessments', async () => {
    const { actor, id, claims } = await setUp();
    const [a, b] = [claims[0]!, claims[1]!];
    await assess(b.id);
    await expect(
      mergeWithNext({ claimId: a.id, expectedVersion: 1, actorId: actor.id }),
    ).rejects.toMatchObject({ details: { confirm: 'required' } });
    const { claim, deletedClaimId } = await mergeWithNext({
      claimId: a.id,
      expectedVersion: 1,
      actorId: actor.id,
      confirmed: true,
    });
    expect(deletedClaimId).toBe(b.id);
    const { body, claims: live } = await expectPinned(id);
    expect(live).toHaveLength(claims.length - 1);
    expect(claim).toMatchObject({ start: a.start, end: b.end, text: `${a.text} ${b.text}`, version: 2 });
    expect(claim.quote).toBe(body.slice(a.start, b.end));
    const next = await prisma.claim.findUniqueOrThrow({ where: { id: b.id } });
    expect(next.deletedAt).not.toBeNull();
    expect(await prisma.assessment.count({ where: { claimId: b.id } })).toBe(1);
    expect(await auditActions(a.id)).toEqual(['claim.merged']);
    expect(await auditActions(b.id)).toEqual(['claim.deleted']);
  });

  it('refuses the last claim and a stale version', async () => {
    const { actor, claims } = await setUp();
    const last = claims.at(-1)!;
    await expect(
      mergeWithNext({ claimId: last.id, expectedVersion: 1, actorId: actor.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('This is the last claim'),
    });
    await expect(
      mergeWithNext({ claimId: claims[0]!.id, expectedVersion: 2, actorId: actor.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('deleteClaim', () => {
  it('soft-deletes, asks for confirmation when assessed, and refuses a stale version', async () => {
    const { actor, id, claims } = await setUp();
    const [a, b] = [claims[0]!, claims[1]!];
    const deleted = await deleteClaim({ claimId: a.id, expectedVersion: 1, actorId: actor.id });
    expect(deleted.version).toBe(2);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: a.id } })).deletedAt).not.toBeNull();
    expect(await auditActions(a.id)).toEqual(['claim.deleted']);
    await expect(deleteClaim({ claimId: a.id, expectedVersion: 2, actorId: actor.id })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );

    await assess(b.id);
    await expect(deleteClaim({ claimId: b.id, expectedVersion: 1, actorId: actor.id })).rejects.toMatchObject(
      {
        message: 'This claim has 1 assessment. Confirm to delete it anyway.',
        details: { confirm: 'required' },
      },
    );
    await expect(
      deleteClaim({ claimId: b.id, expectedVersion: 3, actorId: actor.id, confirmed: true }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await deleteClaim({ claimId: b.id, expectedVersion: 1, actorId: actor.id, confirmed: true });
    expect(await liveClaims(id)).toHaveLength(claims.length - 2);
    await expectPinned(id);
  });
});

describe('addClaim', () => {
  it('pins a claim to a trimmed selection in the nearest section above it, and refuses overlaps', async () => {
    const { actor, id, claims } = await setUp();
    const last = claims.at(-1)!;
    await deleteClaim({ claimId: last.id, expectedVersion: 1, actorId: actor.id });
    const added = await addClaim({
      documentId: id,
      start: last.start - 1,
      end: last.end + 1,
      actorId: actor.id,
    });
    expect(added).toMatchObject({ quote: last.quote, text: last.quote, start: last.start, end: last.end });
    expect(added.sectionId).toBe(last.sectionId);
    expect(added.kind).toBe(last.kind);
    expect(await auditActions(added.id)).toEqual(['claim.created']);
    await expectPinned(id);

    const first = claims[0]!;
    await expect(
      addClaim({ documentId: id, start: first.start + 2, end: first.end + 5, actorId: actor.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('already part of claim #1'),
    });
  });

  it('refuses ranges outside the body or of spaces only', async () => {
    const { actor, id, claims } = await setUp();
    const { body } = await prisma.document.findUniqueOrThrow({ where: { id } });
    for (const [start, end] of [
      [-1, 3],
      [5, 5],
      [0, body.length + 1],
    ])
      await expect(
        addClaim({ documentId: id, start: start!, end: end!, actorId: actor.id }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    const gap = claims[0]!.end;
    await expect(
      addClaim({ documentId: id, start: gap, end: gap + 1, actorId: actor.id }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('unknown ids', () => {
  it('answer "not found" and write nothing', async () => {
    const actor = await createUser();
    const before = await prisma.auditEvent.count();
    for (const claimId of [UNKNOWN, 'not-a-uuid']) {
      const base = { claimId, expectedVersion: 1, actorId: actor.id };
      await expect(editClaimText({ ...base, text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(splitClaim({ ...base, at: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(mergeWithNext(base)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(deleteClaim(base)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        addClaim({ documentId: claimId, start: 0, end: 1, actorId: actor.id }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});

describe('claim numbers', () => {
  const numbersInOrder = async (documentId: string) => (await liveClaims(documentId)).map((c) => c.number);

  it('keeps every claim its number when one is added in the middle; the new one takes the next free number', async () => {
    const { actor, id, claims } = await setUp();
    const n = claims.length;
    expect(claims.map((c) => c.number)).toEqual(claims.map((_, i) => i + 1));
    const { body } = await prisma.document.findUniqueOrThrow({ where: { id } });
    // The heading "Dosing" is no claim yet, and sits between the third claim and the fourth.
    const at = body.indexOf('Dosing');
    const added = await addClaim({ documentId: id, start: at, end: at + 'Dosing'.length, actorId: actor.id });
    expect(added.number).toBe(n + 1);
    expect(await numbersInOrder(id)).toEqual([1, 2, 3, n + 1, ...claims.slice(3).map((_, i) => i + 4)]);

    // A deleted claim keeps its number, and it is never given again.
    await deleteClaim({ claimId: added.id, expectedVersion: added.version, actorId: actor.id });
    const again = await addClaim({ documentId: id, start: at, end: at + 'Dosing'.length, actorId: actor.id });
    expect(again.number).toBe(n + 2);
    await expect(
      addClaim({ documentId: id, start: claims[0]!.start, end: claims[0]!.end, actorId: actor.id }),
    ).rejects.toMatchObject({ message: expect.stringContaining('already part of claim #1') });
  });

  it('gives the second part of a split the next free number, and keeps it through a merge', async () => {
    const { actor, id, claims } = await setUp();
    const n = claims.length;
    const first = claims[0]!;
    const { second } = await splitClaim({
      claimId: first.id,
      at: first.quote.indexOf(' fatigue'),
      expectedVersion: 1,
      actorId: actor.id,
    });
    expect(second.number).toBe(n + 1);
    expect(await numbersInOrder(id)).toEqual([1, n + 1, ...claims.slice(1).map((_, i) => i + 2)]);
    await mergeWithNext({ claimId: claims[1]!.id, expectedVersion: 1, actorId: actor.id });
    // Claim 3 went into claim 2; the claims after keep their numbers, and 3 is not given again.
    expect(await numbersInOrder(id)).toEqual([1, n + 1, 2, ...claims.slice(3).map((_, i) => i + 4)]);
    const { body } = await prisma.document.findUniqueOrThrow({ where: { id } });
    const at = body.indexOf('Dosing');
    const added = await addClaim({ documentId: id, start: at, end: at + 6, actorId: actor.id });
    expect(added.number).toBe(n + 2);
  });

  it('never gives one number twice when claims are added at the same moment', async () => {
    const { actor, id, claims } = await setUp();
    const n = claims.length;
    const { body } = await prisma.document.findUniqueOrThrow({ where: { id } });
    const places = ['A test article', 'Dosing'].map((words) => body.indexOf(words));
    const added = await Promise.all(
      places.map((start, i) =>
        addClaim({ documentId: id, start, end: start + (i === 0 ? 14 : 6), actorId: actor.id }),
      ),
    );
    expect(added.map((c) => c.number).sort((a, b) => a - b)).toEqual([n + 1, n + 2]);
  });

  it('takes the number after one that a writer without the document lock holds uncommitted', async () => {
    const { actor, id, claims } = await setUp();
    const { body } = await prisma.document.findUniqueOrThrow({ where: { id } });
    const at = body.indexOf('Dosing');
    let inserted!: () => void;
    let release!: () => void;
    const ready = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A writer that takes the next number without the document lock, and holds it uncommitted.
    const rogue = prisma.$transaction(
      async (tx) => {
        await tx.claim.create({
          data: { documentId: id, number: claims.length + 1, text: 'x', quote: 'x', start: 0, end: 1 },
        });
        inserted();
        await held;
      },
      { timeout: 30_000 },
    );
    await ready;
    const adding = addClaim({ documentId: id, start: at, end: at + 'Dosing'.length, actorId: actor.id });
    adding.catch(() => undefined);
    // The add waits for the other writer: its insert holds a key-share lock on the document row, which the
    // add's document lock waits for, so the add reads the highest number only once that number is committed.
    await expect
      .poll(async () => {
        const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        return row?.waiting;
      })
      .toBe(1);
    release();
    await rogue;
    expect((await adding).number).toBe(claims.length + 2);
  });
});
