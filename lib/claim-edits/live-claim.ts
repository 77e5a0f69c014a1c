import type { Prisma, Tx } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, isUniqueViolation, notFound } from '@/lib/errors';
import { trimmedEnd, trimmedStart } from '@/lib/extraction/sentences';

export const CLAIM_FIELDS = {
  id: true,
  documentId: true,
  number: true,
  sectionId: true,
  text: true,
  quote: true,
  start: true,
  end: true,
  prefix: true,
  suffix: true,
  kind: true,
  hedged: true,
  version: true,
} as const;

export type LiveClaim = Prisma.ClaimGetPayload<{ select: typeof CLAIM_FIELDS }>;

/** The claim if it is live and its document too; "not found" for unknown, malformed or deleted ids. */
export async function findLiveClaim(tx: Tx, claimId: string): Promise<LiveClaim> {
  requireId(claimId, 'The claim');
  const claim = await tx.claim.findFirst({
    where: { id: claimId, deletedAt: null, document: { deletedAt: null } },
    select: CLAIM_FIELDS,
  });
  if (!claim) throw notFound('The claim');
  return claim;
}

/** The live document's body, locked until the transaction ends so that concurrent range changes queue up. */
export async function lockDocumentBody(tx: Tx, documentId: string): Promise<string> {
  requireId(documentId, 'The document');
  const rows = await tx.$queryRaw<{ body: string }[]>`
    SELECT body FROM "Document" WHERE id = ${documentId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
  const body = rows[0]?.body;
  if (body === undefined) throw notFound('The document');
  return body;
}

/** A new version's claim that nobody has reviewed yet, which a claim pinned over it by hand takes the place of. */
export type ReplacedClaim = { id: string; number: number; quote: string; version: number };

/**
 * A reader's selection of the body, its spaces at either end left out, where a claim may be pinned: refused when
 * it is empty, outside the body, or over a live claim, since two claims never share text. With
 * `replaceUnreviewedNew`, the selection may cover claims that the current version added and that nobody has
 * assessed, commented on, cited or adjudicated: they are returned, for the caller to delete, since an orphan
 * attached by hand usually goes where its reworded sentence came in as a new claim. Call it under
 * lockDocumentBody, so the check and the write are one step against a concurrent edit.
 */
export async function freeSelection(
  tx: Tx,
  options: { documentId: string; body: string; start: number; end: number; replaceUnreviewedNew?: boolean },
): Promise<{ start: number; end: number; replaced: ReplacedClaim[] }> {
  const { body } = options;
  if (
    !Number.isInteger(options.start) ||
    !Number.isInteger(options.end) ||
    options.start < 0 ||
    options.end > body.length ||
    options.start >= options.end
  ) {
    throw new AppError('VALIDATION', 'Select some of the document text first.');
  }
  const start = trimmedStart(body, options.start, options.end);
  const end = trimmedEnd(body, start, options.end);
  if (start === end) throw new AppError('VALIDATION', 'The selection holds only spaces: select some words.');
  const overlapping = await tx.claim.findMany({
    where: { documentId: options.documentId, deletedAt: null, start: { lt: end }, end: { gt: start } },
    orderBy: { start: 'asc' },
    select: {
      id: true,
      number: true,
      quote: true,
      version: true,
      reanchorStatus: true,
      document: { select: { textVersion: true } },
      reanchoredIn: true,
      _count: { select: { assessments: true, comments: true, citations: true, adjudications: true } },
    },
  });
  const kept = overlapping.find(
    (claim) =>
      !options.replaceUnreviewedNew ||
      claim.reanchorStatus !== 'ADDED' ||
      claim.reanchoredIn !== claim.document.textVersion ||
      Object.values(claim._count).some((count) => count > 0),
  );
  if (kept) {
    const reviewedNew = options.replaceUnreviewedNew && kept.reanchorStatus === 'ADDED';
    throw new AppError(
      'VALIDATION',
      `This text is already part of claim #${kept.number}${reviewedNew ? ', new in this version but reviewed since' : ''}. Select text outside it.`,
    );
  }
  return {
    start,
    end,
    replaced: overlapping.map(({ id, number, quote, version }) => ({ id, number, quote, version })),
  };
}

/** The section a claim starting at this offset falls under: the last heading at or before it. */
export async function sectionAt(tx: Tx, documentId: string, start: number): Promise<string | null> {
  const section = await tx.section.findFirst({
    where: { documentId, start: { lte: start } },
    orderBy: { start: 'desc' },
    select: { id: true },
  });
  return section?.id ?? null;
}

/** A claim's fields as the audit trail and a stale-write answer show them. */
export function snapshot(claim: LiveClaim) {
  return {
    text: claim.text,
    quote: claim.quote,
    start: claim.start,
    end: claim.end,
    kind: claim.kind,
    hedged: claim.hedged,
    version: claim.version,
  };
}

export function staleClaim(current: LiveClaim | null) {
  return new AppError(
    'CONFLICT',
    current
      ? 'This claim was changed by someone else since you opened it. Your input is still here: check the claim, then try again.'
      : 'This claim was deleted by someone else since you opened it.',
    { current: current ? snapshot(current) : null },
  );
}

/** Refuses a change based on a version of the claim other than the current one. */
export function assertCurrent(claim: LiveClaim, expectedVersion: number) {
  if (claim.version !== expectedVersion) throw staleClaim(claim);
}

/**
 * Bumps the claim's version only if it is still the one the reviewer saw; the version in the WHERE makes the check
 * and the write one step, even against a concurrent writer.
 */
export async function writeIfCurrent(
  tx: Tx,
  claim: LiveClaim,
  expectedVersion: number,
  data: Prisma.ClaimUpdateManyMutationInput,
) {
  assertCurrent(claim, expectedVersion);
  const { count } = await tx.claim.updateMany({
    where: { id: claim.id, version: expectedVersion, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.claim.findFirst({
      where: { id: claim.id, deletedAt: null },
      select: CLAIM_FIELDS,
    });
    throw staleClaim(current);
  }
}

/**
 * Splitting, merging or deleting an assessed claim changes what the reviewers judged, so it needs the reviewer's
 * explicit confirmation; the UI asks and resends with confirmed: true.
 */
export async function requireConfirmation(
  tx: Tx,
  options: { claimIds: string[]; confirmed: boolean | undefined; verb: 'split' | 'merge' | 'delete' },
) {
  if (options.confirmed === true) return;
  const count = await tx.assessment.count({
    where: { claimId: { in: options.claimIds }, verdict: { not: null } },
  });
  if (count === 0) return;
  const subject = options.claimIds.length > 1 ? 'These claims have' : 'This claim has';
  const noun = count === 1 ? 'assessment' : 'assessments';
  const object = options.claimIds.length > 1 ? 'them' : 'it';
  throw new AppError(
    'VALIDATION',
    `${subject} ${count} ${noun}. Confirm to ${options.verb} ${object} anyway.`,
    { confirm: 'required' },
  );
}

/**
 * Creates a claim with the document's next number: the one after the highest the document has given, deleted
 * claims included, so no number is given twice. Call it under lockDocumentBody: every claim insert takes a
 * key-share lock on its document row, which waits for that lock, so the highest number read here stays the
 * highest until commit. The unique index on (documentId, number) stands behind the lock; should it ever refuse
 * a number, the reviewer gets a message to try again rather than a bare "taken".
 */
export async function createNumberedClaim(tx: Tx, data: Omit<Prisma.ClaimUncheckedCreateInput, 'number'>) {
  const { _max } = await tx.claim.aggregate({
    where: { documentId: data.documentId },
    _max: { number: true },
  });
  const number = (_max.number ?? 0) + 1;
  try {
    return await tx.claim.create({
      data: { ...data, number },
      select: { id: true, number: true, version: true },
    });
  } catch (e) {
    if (!isUniqueViolation(e, 'Claim_documentId_number_key')) throw e;
    throw new AppError(
      'CONFLICT',
      'Another claim was added to this document at the same moment, so nothing was saved. Try again.',
    );
  }
}
