import { type AuditEventInput, writeAuditEvent } from '@/lib/audit/audit-event';
import type { Tx } from '@/lib/db/prisma';
import type { LockedClaim } from '@/lib/domain/lock-live-claim';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import { type Consensus, computeConsensus } from './consensus';

type ConsensusInputs = {
  // createdAt as PostgreSQL wrote it (a timestamp without zone), to be written back unchanged.
  adjudication: { verdict: Verdict; evidenceLevel: EvidenceLevel; createdAt: string } | null;
  assessments: Array<{ verdict: Verdict | null; evidenceLevel: EvidenceLevel | null }>;
};

/**
 * Re-derives a claim's consensus after one of its assessments or adjudications changed, in the same
 * transaction; the caller holds the claim's lock (lockLiveClaim) and passes the claim as it read it. Once a
 * claim has been adjudicated, the latest adjudication stands: reviewers changing their minds later does not
 * reopen it, only another adjudication does (docs/decisions/0004-consensus-and-adjudication.md). The caller's own
 * audit events are written with the consensus's, in one statement.
 */
export async function updateConsensus(
  tx: Tx,
  options: { claim: LockedClaim; actorId: string; alsoAudit?: AuditEventInput[] },
): Promise<Consensus> {
  const { claim } = options;
  // A statement of its own, after the lock was taken, so it sees every assessment committed before it.
  const [inputs] = await tx.$queryRaw<ConsensusInputs[]>`
    SELECT
      (SELECT json_build_object('verdict', a.verdict, 'evidenceLevel', a."evidenceLevel",
           'createdAt', a."createdAt")
         FROM "Adjudication" a WHERE a."claimId" = ${claim.id}::uuid
         ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1) AS adjudication,
      COALESCE((SELECT json_agg(json_build_object('verdict', s.verdict, 'evidenceLevel', s."evidenceLevel"))
         FROM "Assessment" s WHERE s."claimId" = ${claim.id}::uuid), '[]'::json) AS assessments`;
  const { adjudication, assessments } = inputs ?? { adjudication: null, assessments: [] };
  const next: Consensus = adjudication
    ? { state: 'ADJUDICATED', verdict: adjudication.verdict, evidenceLevel: adjudication.evidenceLevel }
    : computeConsensus(assessments);
  const audit = [...(options.alsoAudit ?? [])];
  if (next.verdict !== claim.consensusVerdict || next.evidenceLevel !== claim.consensusEvidenceLevel) {
    // An adjudicated consensus dates from the adjudication; an agreed one from now.
    const decidedAt = adjudication?.createdAt ?? null;
    await tx.$executeRaw`
      UPDATE "Claim" SET "consensusVerdict" = ${next.verdict}::"Verdict",
        "consensusEvidenceLevel" = ${next.evidenceLevel}::"EvidenceLevel",
        "consensusAt" = CASE WHEN ${next.verdict}::"Verdict" IS NULL THEN NULL
          ELSE COALESCE(${decidedAt}::timestamp, now()) END,
        "updatedAt" = now()
      WHERE id = ${claim.id}::uuid`;
    audit.push({
      actorId: options.actorId,
      action: 'consensus.changed',
      entityType: 'Claim',
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: { verdict: claim.consensusVerdict, evidenceLevel: claim.consensusEvidenceLevel },
      after: { state: next.state, verdict: next.verdict, evidenceLevel: next.evidenceLevel },
    });
  }
  await writeAuditEvent(tx, ...audit);
  return next;
}
