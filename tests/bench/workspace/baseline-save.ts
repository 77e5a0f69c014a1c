// The baseline's save: the queries recordAssessment runs, in one transaction and in the same order, each the
// app's own SQL string. Keep it in step with
// lib/assessments/record-assessment.ts and lib/consensus/update-consensus.ts.
import type pg from 'pg';
import { z } from 'zod';
import {
  assessmentColumns,
  INSERT_ASSESSMENT_SQL,
  UPDATE_ASSESSMENT_SQL,
} from '@/lib/assessments/assessment-write-sql';
import { LOCK_CLAIM_FOR_ASSESSMENT_SQL } from '@/lib/assessments/lock-claim-for-assessment';
import type { AuditEventInput } from '@/lib/audit/audit-event';
import { auditEventsInsert } from '@/lib/audit/audit-events-insert';
import { type Consensus, computeConsensus } from '@/lib/consensus/compute-consensus';
import { CONSENSUS_INPUTS_SQL, type ConsensusInputs } from '@/lib/consensus/consensus-inputs';
import { SET_CLAIM_CONSENSUS_SQL } from '@/lib/consensus/update-consensus';
import { uuid7 } from '@/lib/db/uuid7';
import type { LockedClaim } from '@/lib/domain/lock-live-claim';
import {
  type AssessmentValues,
  CERTAINTIES,
  EVIDENCE_LEVELS,
  GRADE_DOMAINS,
  RATIONALE_MAX_LENGTH,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import { canSeeOthers } from '@/lib/workspace/can-see-others';
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

type Values = AssessmentValues;

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
          verdict: row.a_verdict as Values['verdict'],
          evidenceLevel: row.a_evidenceLevel as Values['evidenceLevel'],
          certainty: row.a_certainty as Values['certainty'],
          downgradeReasons: (row.a_downgradeReasons as Values['downgradeReasons'] | null) ?? [],
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

  let saved: { id: string; version: number };
  if (current) {
    const { rowCount } = await client.query(UPDATE_ASSESSMENT_SQL, [
      current.id,
      input.version,
      ...assessmentColumns(values),
    ]);
    if (rowCount === 0) return failure('CONFLICT', 'Changed by someone else.');
    saved = { id: current.id, version: input.version + 1 };
  } else {
    const { rows } = await client.query<{ id: string; version: number }>(INSERT_ASSESSMENT_SQL, [
      uuid7(),
      claimId,
      user.id,
      ...assessmentColumns(values),
    ]);
    if (!rows[0]) return failure('CONFLICT', 'Changed by someone else.');
    saved = rows[0];
  }
  const assessmentEvent: AuditEventInput = {
    actorId: user.id,
    action: current ? 'assessment.updated' : 'assessment.created',
    entityType: 'Assessment',
    entityId: saved.id,
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
  options: { claim: LockedClaim; actorId: string; alsoAudit: AuditEventInput[] },
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
  await client.query(SET_CLAIM_CONSENSUS_SQL, [claim.id, next.verdict, next.evidenceLevel]);
  events.push({
    actorId: options.actorId,
    action: 'consensus.changed',
    entityType: 'Claim',
    entityId: claim.id,
    documentId: claim.documentId,
    claimId: claim.id,
    before: { verdict: claim.consensusVerdict, evidenceLevel: claim.consensusEvidenceLevel },
    after: next,
  });
  await audit(client, events);
  return next;
}

/** The save's audit events in one multi-row insert, as the app writes them. */
function audit(client: pg.PoolClient, events: AuditEventInput[]) {
  if (events.length === 0) return Promise.resolve();
  const { sql, values } = auditEventsInsert(events);
  return client.query(sql, values);
}
