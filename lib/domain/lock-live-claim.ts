import type { Tx } from '@/lib/db/prisma';
import type { AssessmentValues, EvidenceLevel, ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';
import { requireId } from './require-id';

export type LockedClaim = {
  id: string;
  documentId: string;
  reviewMode: ReviewMode;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
  /** The project's consensus rule: how many reviewers' verdicts make a consensus. */
  reviewersRequired: number;
};

export type CurrentAssessment = AssessmentValues & { id: string; version: number; updatedAt: Date };

type Row = LockedClaim & { [K in keyof CurrentAssessment as `a_${K}`]: CurrentAssessment[K] | null };

/**
 * The live claim, its row locked until the transaction ends, and, when a reviewer is named, that reviewer's
 * current assessment of it, in one round trip. Everyone who writes a claim's consensus (reviewers saving
 * assessments, an adjudicator) or its citations takes this lock first, so each reads the others' committed work
 * instead of overwriting it. NO KEY UPDATE, not UPDATE: rows that reference the claim (assessments, citations)
 * can still take their foreign-key share lock, so inserting one never deadlocks with it. The claim row is the only
 * lock of the claim's own; an assessment's version is checked again by the write that changes it. The project row is held
 * KEY SHARE (what a foreign key takes, so saves do not wait for each other) only so that a change of its
 * consensus rule, which takes it FOR UPDATE (lib/projects/update-project-settings.ts), cannot interleave with a
 * save: the save derives its consensus from the rule it read here.
 */
export async function lockLiveClaim(
  tx: Tx,
  claimId: string,
  options: { assessmentOf?: string } = {},
): Promise<LockedClaim & { assessment: CurrentAssessment | null }> {
  requireId(claimId, 'The claim');
  // Enums come back as text so that the driver needs no knowledge of the custom types.
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT c.id::text AS id, c."documentId"::text AS "documentId", d."reviewMode"::text AS "reviewMode",
      c."consensusVerdict"::text AS "consensusVerdict",
      c."consensusEvidenceLevel"::text AS "consensusEvidenceLevel", p."reviewersRequired",
      a.id::text AS a_id, a.verdict::text AS a_verdict, a."evidenceLevel"::text AS "a_evidenceLevel",
      a.certainty::text AS a_certainty, a."downgradeReasons"::text[] AS "a_downgradeReasons",
      a.rationale AS a_rationale, a.version AS a_version, a."updatedAt" AS "a_updatedAt"
    FROM "Claim" c JOIN "Document" d ON d.id = c."documentId" JOIN "Project" p ON p.id = d."projectId"
    LEFT JOIN "Assessment" a ON a."claimId" = c.id AND a."reviewerId" = ${options.assessmentOf ?? null}::uuid
    WHERE c.id = ${claimId}::uuid AND c."deletedAt" IS NULL AND d."deletedAt" IS NULL
    FOR NO KEY UPDATE OF c FOR KEY SHARE OF p`;
  if (!row) throw notFound('The claim');
  const assessment =
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
  return {
    id: row.id,
    documentId: row.documentId,
    reviewMode: row.reviewMode,
    consensusVerdict: row.consensusVerdict,
    consensusEvidenceLevel: row.consensusEvidenceLevel,
    reviewersRequired: row.reviewersRequired,
    assessment,
  };
}
