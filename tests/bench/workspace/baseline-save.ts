// The baseline's save: the queries recordAssessment runs, in one transaction and in the same order, each the
// app's own SQL string. Keep it in step with
// lib/assessments/record-assessment.ts and lib/consensus/update-consensus.ts.
import type pg from 'pg';
import { z } from 'zod';
import type { AuditEventInput } from '@/lib/audit/audit-event';
import { type Consensus, computeConsensus } from '@/lib/consensus/compute-consensus';
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

const INSERT_ASSESSMENT_SQL = `
  INSERT INTO "Assessment" (id, "claimId", "reviewerId", verdict, "evidenceLevel", certainty,
    "downgradeReasons", rationale, "updatedAt")
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::"Verdict", $5::"EvidenceLevel", $6::"Certainty",
    $7::"GradeDomain"[], $8, now())
  ON CONFLICT ("claimId", "reviewerId") DO NOTHING
  RETURNING id::text AS id, version`;

const UPDATE_ASSESSMENT_SQL = `
  UPDATE "Assessment" SET verdict = $3::"Verdict", "evidenceLevel" = $4::"EvidenceLevel",
    certainty = $5::"Certainty", "downgradeReasons" = $6::"GradeDomain"[], rationale = $7,
    version = version + 1, "updatedAt" = now()
  WHERE id = $1::uuid AND version = $2`;

const LOCK_CLAIM_FOR_ASSESSMENT_SQL = `
  SELECT c.id::text AS id, c."documentId"::text AS "documentId", d."reviewMode"::text AS "reviewMode",
    c."consensusVerdict"::text AS "consensusVerdict", c."consensusEvidenceLevel"::text AS "consensusEvidenceLevel",
    a.id::text AS a_id, a.verdict::text AS a_verdict, a."evidenceLevel"::text AS "a_evidenceLevel",
    a.certainty::text AS a_certainty, a."downgradeReasons"::text[] AS "a_downgradeReasons",
    a.rationale AS a_rationale, a.version AS a_version, a."updatedAt" AS "a_updatedAt"
  FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
  LEFT JOIN "Assessment" a ON a."claimId" = c.id AND a."reviewerId" = $2::uuid
  WHERE c.id = $1::uuid AND c."deletedAt" IS NULL AND d."deletedAt" IS NULL
  FOR NO KEY UPDATE OF c`;

const CONSENSUS_INPUTS_SQL = `
  SELECT
    (SELECT json_build_object('verdict', a.verdict, 'evidenceLevel', a."evidenceLevel")
       FROM "Adjudication" a WHERE a."claimId" = $1::uuid
       ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1) AS adjudication,
    COALESCE((SELECT json_agg(json_build_object('verdict', s.verdict, 'evidenceLevel', s."evidenceLevel"))
       FROM "Assessment" s WHERE s."claimId" = $1::uuid), '[]'::json) AS assessments`;

const SET_CLAIM_CONSENSUS_SQL = `
  UPDATE "Claim" SET "consensusVerdict" = $2::"Verdict", "consensusEvidenceLevel" = $3::"EvidenceLevel",
    "consensusAt" = CASE WHEN $2::"Verdict" IS NULL THEN NULL ELSE now() END, "updatedAt" = now()
  WHERE id = $1::uuid`;

type ConsensusInputs = {
  adjudication: {
    verdict: Values['verdict'] & string;
    evidenceLevel: Values['evidenceLevel'] & string;
  } | null;
  assessments: Array<{ verdict: Values['verdict']; evidenceLevel: Values['evidenceLevel'] }>;
};

const assessmentColumns = (v: Values) => [
  v.verdict,
  v.evidenceLevel,
  v.certainty,
  v.downgradeReasons,
  v.rationale,
];

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

const COLUMNS = '(id, "actorId", action, "entityType", "entityId", "documentId", "claimId", before, after)';
const TYPES = ['uuid', 'uuid', 'text', 'text', 'text', 'uuid', 'uuid', 'jsonb', 'jsonb'];

/**
 * One multi-row INSERT for several audit events, with fresh ids in the order given (uuid7 counts up within a
 * millisecond, so the events sort as they were made). Raw SQL because a save writes it every time (ADR 0007);
 * every other audit event goes through it too, so all ids come from one generator. Shared with the benchmark's
 * baseline.
 */
function auditEventsInsert(events: AuditEventInput[]): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const rows = events.map((event) => {
    const first = values.length;
    values.push(
      uuid7(),
      event.actorId,
      event.action,
      event.entityType,
      event.entityId,
      event.documentId ?? null,
      event.claimId ?? null,
      json(event.before),
      json(event.after),
    );
    return `(${TYPES.map((type, i) => `$${first + i + 1}::${type}`).join(', ')})`;
  });
  return { sql: `INSERT INTO "AuditEvent" ${COLUMNS} VALUES ${rows.join(', ')}`, values };
}

const json = (value: AuditEventInput['before']) => (value == null ? null : JSON.stringify(value));

/** The save's audit events in one multi-row insert, as the app writes them. */
function audit(client: pg.PoolClient, events: AuditEventInput[]) {
  if (events.length === 0) return Promise.resolve();
  const { sql, values } = auditEventsInsert(events);
  return client.query(sql, values);
}
