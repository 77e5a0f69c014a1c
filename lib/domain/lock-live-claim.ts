import type { Prisma } from '@/lib/db/prisma';
import type { EvidenceLevel, ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';
import { requireId } from './require-id';

export type LockedClaim = {
  id: string;
  documentId: string;
  reviewMode: ReviewMode;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
};

// Enums come back as text so that the driver needs no knowledge of the custom types.
const LOCK_LIVE_CLAIM_SQL = `
  SELECT c.id::text AS id, c."documentId"::text AS "documentId", d."reviewMode"::text AS "reviewMode",
         c."consensusVerdict"::text AS "consensusVerdict",
         c."consensusEvidenceLevel"::text AS "consensusEvidenceLevel"
  FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
  WHERE c.id = $1::uuid AND c."deletedAt" IS NULL AND d."deletedAt" IS NULL
  FOR NO KEY UPDATE OF c`;

/**
 * The live claim, its row locked until the transaction ends. Writers of a claim's consensus (reviewers saving
 * assessments, an admin adjudicating) and of its citations take this lock first, so each one reads the
 * others' committed work instead of overwriting it. NO KEY UPDATE, not UPDATE: it still lets rows that reference
 * the claim (assessments, citations) take their foreign-key share lock, so inserting one never deadlocks with it.
 */
export async function lockLiveClaim(tx: Prisma.TransactionClient, claimId: string): Promise<LockedClaim> {
  requireId(claimId, 'The claim');
  const rows = await tx.$queryRawUnsafe<LockedClaim[]>(LOCK_LIVE_CLAIM_SQL, claimId);
  const claim = rows[0];
  if (!claim) throw notFound('The claim');
  return claim;
}
