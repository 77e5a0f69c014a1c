// The baseline's save: the queries recordAssessment runs, in one transaction and in the same order (the lock
// and the consensus inputs are the app's own SQL strings). Keep it in step with
// lib/assessments/record-assessment.ts and lib/consensus/update-consensus.ts.
import type pg from 'pg';
import { z } from 'zod';
import { LOCK_CLAIM_FOR_ASSESSMENT_SQL } from '@/lib/assessments/lock-claim-for-assessment';
import { type Consensus, computeConsensus } from '@/lib/consensus/compute-consensus';
import { CONSENSUS_INPUTS_SQL, type ConsensusInputs } from '@/lib/consensus/consensus-inputs';
import type { LockedClaim } from '@/lib/domain/lock-live-claim';
import {
  CERTAINTIES,
  EVIDENCE_LEVELS,
  GRADE_DOMAINS,
  RATIONALE_MAX_LENGTH,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import { canSeeOthers } from '@/lib/workspace/can-see-others';
import { uuid7 } from './bulk-insert';
import type { SessionUser } from './session';

export const SaveInput = z.object({
  documentId: z.uuid(),
  claimId: z.uuid(),
  verdict: z.enum(VERDICTS).nullable(),
  evidenceLevel: z.enum(EVIDENCE_LEVELS).nullable(),
  certainty: z.enum(CERTAINTIES).nullable(),
  downgradeReasons: z.array(z.enum(GRADE_DOMAINS)),
  rationale: z.string().nullable(),
  version: z.number().int().min(0),
});

export type SaveResult =
  | { ok: true; message: string; data: Record<string, unknown> }
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };

type Values = {
  verdict: string | null;
  evidenceLevel: string | null;
  certainty: string | null;
  downgradeReasons: string[];
  rationale: string | null;
};

const valuesOf = (row: Values): Values => ({
  verdict: row.verdict,
  evidenceLevel: row.evidenceLevel,
  certainty: row.certainty,
  downgradeReasons: row.downgradeReasons,
  rationale: row.rationale,
});

const failure = (code: string, message: string, details?: Record<string, unknown>): SaveResult => ({
  ok: false,
  code,
  message,
  details,
});

export async function saveAssessment(
  pool: pg.Pool,
  user: SessionUser,
  input: z.output<typeof SaveInput>,
): Promise<SaveResult> {
  const rationale = input.rationale?.trim() || null;
  if (rationale && rationale.length > RATIONALE_MAX_LENGTH)
    return failure('VALIDATION', 'Rationale too long.');
  const downgradeReasons = [...new Set(input.downgradeReasons)];
  if (downgradeReasons.length > 0 && input.certainty === null)
    return failure('VALIDATION', 'Choose a certainty before giving downgrade reasons.');
  const values: Values = {
    verdict: input.verdict,
    evidenceLevel: input.evidenceLevel,
    certainty: input.certainty,
    downgradeReasons,
    rationale,
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await inTransaction(client, user, input, values);
    await client.query(result.ok ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (e) {
    await client.query('ROLLBACK');
    if ((e as { code?: string }).code === '23505') return failure('CONFLICT', 'Changed by someone else.');
    throw e;
  } finally {
    client.release();
  }
}

async function inTransaction(
  client: pg.PoolClient,
  user: SessionUser,
  input: z.output<typeof SaveInput>,
  values: Values,
): Promise<SaveResult> {
  const { claimId } = input;
  const row = (await client.query<Record<string, unknown>>(LOCK_CLAIM_FOR_ASSESSMENT_SQL, [claimId, user.id]))
    .rows[0];
  if (!row) return failure('NOT_FOUND', 'The claim was not found.');
  const claim = {
    id: row.id,
    documentId: row.documentId,
    reviewMode: row.reviewMode,
    consensusVerdict: row.consensusVerdict,
    consensusEvidenceLevel: row.consensusEvidenceLevel,
  } as LockedClaim;
  const current =
    row.a_id === null
      ? undefined
      : {
          id: row.a_id as string,
          verdict: row.a_verdict as string | null,
          evidenceLevel: row.a_evidenceLevel as string | null,
          certainty: row.a_certainty as string | null,
          downgradeReasons: (row.a_downgradeReasons as string[] | null) ?? [],
          rationale: row.a_rationale as string | null,
          version: row.a_version as number,
          updatedAt: row.a_updatedAt as Date,
        };
  if ((current?.version ?? 0) !== input.version) {
    const latest = current
      ? { ...valuesOf(current), version: current.version, updatedAt: current.updatedAt }
      : null;
    return failure('CONFLICT', 'Changed by someone else.', { current: latest });
  }

  const params = [
    values.verdict,
    values.evidenceLevel,
    values.certainty,
    values.downgradeReasons,
    values.rationale,
  ];
  let saved: { id: string; version: number };
  if (current) {
    const { rowCount } = await client.query(
      `UPDATE "Assessment" SET verdict = $3, "evidenceLevel" = $4, certainty = $5,
         "downgradeReasons" = $6::"GradeDomain"[], rationale = $7, version = version + 1, "updatedAt" = now()
       WHERE id = $1 AND version = $2`,
      [current.id, input.version, ...params],
    );
    if (rowCount === 0) return failure('CONFLICT', 'Changed by someone else.');
    saved = { id: current.id, version: input.version + 1 };
  } else {
    saved = (
      await client.query<{ id: string; version: number }>(
        `INSERT INTO "Assessment" (id, "claimId", "reviewerId", verdict, "evidenceLevel", certainty,
           "downgradeReasons", rationale, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7::"GradeDomain"[], $8, now()) RETURNING id, version`,
        [uuid7(), claimId, user.id, ...params],
      )
    ).rows[0] as { id: string; version: number };
  }
  const assessmentEvent: AuditInput = {
    actorId: user.id,
    action: current ? 'assessment.updated' : 'assessment.created',
    entity: ['Assessment', saved.id],
    documentId: claim.documentId,
    claimId,
    before: current ? valuesOf(current) : null,
    after: values,
  };

  const consensus = await updateConsensus(client, { claim, actorId: user.id, alsoAudit: [assessmentEvent] });
  const { reviewMode } = claim;
  const visible = canSeeOthers({ reviewMode, role: user.role, myVerdict: input.verdict });
  return {
    ok: true,
    message: 'Saved.',
    data: {
      id: saved.id,
      ...values,
      version: saved.version,
      consensus: visible ? consensus : { state: 'UNREVIEWED', verdict: null, evidenceLevel: null },
    },
  };
}

async function updateConsensus(
  client: pg.PoolClient,
  options: { claim: LockedClaim; actorId: string; alsoAudit: AuditInput[] },
): Promise<Consensus> {
  const { claim } = options;
  const events = [...options.alsoAudit];
  const { adjudication, assessments } = (
    await client.query<ConsensusInputs>(CONSENSUS_INPUTS_SQL, [claim.id])
  ).rows[0] as ConsensusInputs;
  const next: Consensus = adjudication
    ? { state: 'ADJUDICATED', verdict: adjudication.verdict, evidenceLevel: adjudication.evidenceLevel }
    : computeConsensus(assessments);
  if (next.verdict === claim.consensusVerdict && next.evidenceLevel === claim.consensusEvidenceLevel) {
    await audit(client, events);
    return next;
  }
  await client.query(
    `UPDATE "Claim" SET "consensusVerdict" = $2, "consensusEvidenceLevel" = $3,
       "consensusAt" = CASE WHEN $2::"Verdict" IS NULL THEN NULL ELSE now() END, "updatedAt" = now()
     WHERE id = $1 RETURNING *`,
    [claim.id, next.verdict, next.evidenceLevel],
  );
  events.push({
    actorId: options.actorId,
    action: 'consensus.changed',
    entity: ['Claim', claim.id],
    documentId: claim.documentId,
    claimId: claim.id,
    before: { verdict: claim.consensusVerdict, evidenceLevel: claim.consensusEvidenceLevel },
    after: next,
  });
  await audit(client, events);
  return next;
}

type AuditInput = {
  actorId: string;
  action: string;
  entity: [string, string];
  documentId: string;
  claimId: string;
  before: unknown;
  after: unknown;
};

/** The save's audit events in one multi-row insert, as the app's createMany does. */
function audit(client: pg.PoolClient, events: AuditInput[]) {
  if (events.length === 0) return Promise.resolve();
  const values: unknown[] = [];
  const rows = events.map((event, i) => {
    values.push(
      uuid7(),
      event.actorId,
      event.action,
      ...event.entity,
      event.documentId,
      event.claimId,
      event.before === null ? null : JSON.stringify(event.before),
      JSON.stringify(event.after),
    );
    return `(${Array.from({ length: 9 }, (_, k) => `$${i * 9 + k + 1}`).join(', ')})`;
  });
  return client.query(
    `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", "documentId", "claimId", before, after)
     VALUES ${rows.join(', ')}`,
    values,
  );
}
