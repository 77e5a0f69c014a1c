import type { Sql } from '@/lib/db/sql';
import type { LockedClaim } from '@/lib/domain/lock-live-claim';
import { requireId } from '@/lib/domain/require-id';
import type { AssessmentValues } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';

export type CurrentAssessment = AssessmentValues & { id: string; version: number; updatedAt: Date };

type Row = LockedClaim & { [K in keyof CurrentAssessment as `a_${K}`]: CurrentAssessment[K] | null };

// lockLiveClaim's statement plus the reviewer's own assessment, in one round trip: this runs on every save.
// Only the claim row is locked; the assessment's version is checked again by the write itself. Exported for
// the benchmark's baseline, which runs the same statement.
export const LOCK_CLAIM_FOR_ASSESSMENT_SQL = `
  SELECT c.id::text AS id, c."documentId"::text AS "documentId", d."reviewMode"::text AS "reviewMode",
    c."consensusVerdict"::text AS "consensusVerdict", c."consensusEvidenceLevel"::text AS "consensusEvidenceLevel",
    a.id::text AS a_id, a.verdict::text AS a_verdict, a."evidenceLevel"::text AS "a_evidenceLevel",
    a.certainty::text AS a_certainty, a."downgradeReasons"::text[] AS "a_downgradeReasons",
    a.rationale AS a_rationale, a.version AS a_version, a."updatedAt" AS "a_updatedAt"
  FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
  LEFT JOIN "Assessment" a ON a."claimId" = c.id AND a."reviewerId" = $2::uuid
  WHERE c.id = $1::uuid AND c."deletedAt" IS NULL AND d."deletedAt" IS NULL
  FOR NO KEY UPDATE OF c`;

/** The live claim, locked for the rest of the transaction, and the reviewer's current assessment of it. */
export async function lockClaimForAssessment(
  sql: Sql,
  claimId: string,
  reviewerId: string,
): Promise<{ claim: LockedClaim; current: CurrentAssessment | null }> {
  requireId(claimId, 'The claim');
  const [row] = await sql.rows<Row>(LOCK_CLAIM_FOR_ASSESSMENT_SQL, [claimId, reviewerId]);
  if (!row) throw notFound('The claim');
  const claim: LockedClaim = {
    id: row.id,
    documentId: row.documentId,
    reviewMode: row.reviewMode,
    consensusVerdict: row.consensusVerdict,
    consensusEvidenceLevel: row.consensusEvidenceLevel,
  };
  const current =
    row.a_id === null
      ? null
      : {
          id: row.a_id,
          verdict: row.a_verdict,
          evidenceLevel: row.a_evidenceLevel,
          certainty: row.a_certainty,
          downgradeReasons: row.a_downgradeReasons ?? [],
          rationale: row.a_rationale,
          version: row.a_version ?? 0,
          updatedAt: row.a_updatedAt ?? new Date(0),
        };
  return { claim, current };
}
