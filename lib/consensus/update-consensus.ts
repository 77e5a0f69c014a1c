import { type AuditEventInput, writeAuditEvents } from '@/lib/audit/audit-event';
import type { Sql } from '@/lib/db/sql';
import type { LockedClaim } from '@/lib/domain/lock-live-claim';
import { type Consensus, computeConsensus } from './compute-consensus';
import { readConsensusInputs } from './consensus-inputs';

// Raw SQL because every save runs it (ADR 0007); exported for the benchmark's baseline, which runs it too.
export const SET_CLAIM_CONSENSUS_SQL = `
  UPDATE "Claim" SET "consensusVerdict" = $2::"Verdict", "consensusEvidenceLevel" = $3::"EvidenceLevel",
    "consensusAt" = CASE WHEN $2::"Verdict" IS NULL THEN NULL ELSE now() END, "updatedAt" = now()
  WHERE id = $1::uuid`;

/**
 * Re-derives a claim's consensus after one of its assessments changed, in the same transaction; the caller
 * holds the claim's lock (lockLiveClaim) and passes the claim as it read it. Once a claim
 * has been adjudicated, the latest adjudication stands: reviewers changing their minds later does not reopen
 * it, only another adjudication does (docs/decisions/0004-consensus-and-adjudication.md).
 */
export async function updateConsensus(
  sql: Sql,
  // The caller's own audit events, written together with the consensus's in one statement.
  options: { claim: LockedClaim; actorId: string; alsoAudit?: AuditEventInput[] },
): Promise<Consensus> {
  const { claim } = options;
  const { adjudication, assessments } = await readConsensusInputs(sql, claim.id);
  const next: Consensus = adjudication
    ? { state: 'ADJUDICATED', verdict: adjudication.verdict, evidenceLevel: adjudication.evidenceLevel }
    : computeConsensus(assessments);
  const audit = [...(options.alsoAudit ?? [])];
  if (next.verdict === claim.consensusVerdict && next.evidenceLevel === claim.consensusEvidenceLevel) {
    await writeAuditEvents(sql, audit);
    return next;
  }
  await sql.run(SET_CLAIM_CONSENSUS_SQL, [claim.id, next.verdict, next.evidenceLevel]);
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
  await writeAuditEvents(sql, audit);
  return next;
}
