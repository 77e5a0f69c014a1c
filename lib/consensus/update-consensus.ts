import { type AuditEventInput, insertAuditEvents, writeAuditEvent } from '@/lib/audit/audit-event';
import { Prisma, type Tx } from '@/lib/db/prisma';
import type { LockedClaim } from '@/lib/domain/lock-live-claim';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import { type Consensus, computeConsensus } from './consensus';

/** What a claim's consensus is derived from, as `consensusInputsOf` selects it. */
export type ConsensusInputs = {
  // createdAt as PostgreSQL wrote it (a timestamp without zone), to be written back unchanged.
  adjudication: { verdict: Verdict; evidenceLevel: EvidenceLevel; createdAt: string } | null;
  assessments: Array<{ verdict: Verdict | null; evidenceLevel: EvidenceLevel | null }>;
};

/**
 * The two columns `adjudication` and `assessments` (ConsensusInputs) for one claim, as a SELECT list. A save
 * selects them in the statement that writes the reviewer's assessment: a statement's own writes are invisible
 * to its reads, so the reviewer's new values are given here (`replacing`) in place of their stored row.
 *
 * Read only after the claim's lock was taken (lockLiveClaim), in a later statement than the lock: then the
 * statement's snapshot holds every assessment committed before this change.
 */
export function consensusInputsOf(
  claimId: string,
  replacing?: { reviewerId: string; verdict: Verdict | null; evidenceLevel: EvidenceLevel | null },
): Prisma.Sql {
  const others = replacing
    ? Prisma.sql`AND s."reviewerId" <> ${replacing.reviewerId}::uuid
        UNION ALL SELECT ${replacing.verdict}::"Verdict", ${replacing.evidenceLevel}::"EvidenceLevel"`
    : Prisma.empty;
  return Prisma.sql`
    (SELECT json_build_object('verdict', a.verdict, 'evidenceLevel', a."evidenceLevel", 'createdAt', a."createdAt")
       FROM "Adjudication" a WHERE a."claimId" = ${claimId}::uuid
       ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1) AS adjudication,
    COALESCE((SELECT json_agg(json_build_object('verdict', i.verdict, 'evidenceLevel', i."evidenceLevel"))
       FROM (SELECT s.verdict, s."evidenceLevel" FROM "Assessment" s WHERE s."claimId" = ${claimId}::uuid ${others}) i),
     '[]'::json) AS assessments`;
}

/**
 * Re-derives a claim's consensus after one of its assessments or adjudications changed, in the same
 * transaction; the caller holds the claim's lock (lockLiveClaim) and passes the claim as it read it, and the
 * inputs when it already selected them with its write. Once a claim has been adjudicated, the latest
 * adjudication stands: reviewers changing their minds later does not reopen it, only another adjudication does
 * (docs/decisions/0004-consensus-and-adjudication.md). The caller's own audit events are written with the
 * consensus's, in one statement with the claim's new consensus.
 */
export async function updateConsensus(
  tx: Tx,
  options: { claim: LockedClaim; actorId: string; inputs?: ConsensusInputs; alsoAudit?: AuditEventInput[] },
): Promise<Consensus> {
  const { claim } = options;
  const { adjudication, assessments } = options.inputs ?? (await readInputs(tx, claim.id));
  const computed = computeConsensus(assessments, claim.reviewersRequired);
  const next: Consensus = adjudication
    ? {
        ...computed,
        state: 'ADJUDICATED',
        verdict: adjudication.verdict,
        evidenceLevel: adjudication.evidenceLevel,
      }
    : computed;
  const audit = [...(options.alsoAudit ?? [])];
  if (next.verdict === claim.consensusVerdict && next.evidenceLevel === claim.consensusEvidenceLevel) {
    await writeAuditEvent(tx, ...audit);
    return next;
  }
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
  // An adjudicated consensus dates from the adjudication; an agreed one from now.
  const decidedAt = adjudication?.createdAt ?? null;
  await tx.$executeRaw`
    WITH changed AS (
      UPDATE "Claim" SET "consensusVerdict" = ${next.verdict}::"Verdict",
        "consensusEvidenceLevel" = ${next.evidenceLevel}::"EvidenceLevel",
        "consensusAt" = CASE WHEN ${next.verdict}::"Verdict" IS NULL THEN NULL
          ELSE COALESCE(${decidedAt}::timestamp, now()) END,
        "updatedAt" = now()
      WHERE id = ${claim.id}::uuid)
    ${insertAuditEvents(audit)}`;
  return next;
}

async function readInputs(tx: Tx, claimId: string): Promise<ConsensusInputs> {
  const [inputs] = await tx.$queryRaw<ConsensusInputs[]>`SELECT ${consensusInputsOf(claimId)}`;
  return inputs ?? { adjudication: null, assessments: [] };
}

/**
 * The audit event of a consensus cleared because the claim's words changed (a new version re-anchored it, or an
 * orphan was attached by hand): the claim is in review until a reviewer confirms or changes a verdict. Null when
 * there was no consensus to clear.
 */
export function consensusClearedByTextChange(
  event: { actorId: string; documentId: string; claimId: string },
  before: { consensusVerdict: string | null; consensusEvidenceLevel: string | null },
): AuditEventInput | null {
  if (!before.consensusVerdict) return null;
  return {
    ...event,
    action: 'consensus.changed',
    entityType: 'Claim',
    entityId: event.claimId,
    before: { verdict: before.consensusVerdict, evidenceLevel: before.consensusEvidenceLevel },
    after: { state: 'IN_REVIEW', verdict: null, evidenceLevel: null, reason: 'text changed' },
  };
}
