// The baseline's save, PUT /api/claims/{id}/assessment: the body checked with zod, then one transaction on a
// pooled pg connection that locks the claim (refusing one outside the reviewer's projects, or a project viewer),
// writes the reviewer's assessment if its version is still the one
// they saw, re-derives the claim's consensus from everyone's verdicts (or its latest adjudication), stores it if
// it changed, and writes the audit trail of both.
import type pg from 'pg';
import { z } from 'zod';
import {
  CERTAINTIES,
  type Judgement,
  keptBlind,
  LEVELS,
  type Level,
  newId,
  type Outcome,
  outcomeOf,
  UNREVIEWED,
  VERDICTS,
  type Verdict,
} from './baseline-review';
import type { Viewer } from './baseline-session';

const Body = z.object({
  verdict: z.enum(VERDICTS).nullable(),
  evidenceLevel: z.enum(LEVELS).nullable(),
  certainty: z.enum(CERTAINTIES).nullable().default(null),
  // Which domains exist is the database's to say: its enum refuses any other (22P02, answered 422 below).
  downgradeReasons: z.array(z.string().regex(/^[A-Z_]{1,32}$/)).default([]),
  rationale: z.string().trim().max(5_000).nullable().default(null),
  version: z.number().int().min(0),
});

export type SaveReply = { status: number; body: Record<string, unknown> };

const refuse = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { ok: false, code, message, ...extra },
});

type Locked = {
  documentId: string;
  reviewMode: string;
  /** The saver's role in the claim's project; null when they are not a member. */
  projectRole: 'LEAD' | 'REVIEWER' | 'VIEWER' | null;
  reviewersRequired: number;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: Level | null;
  mineId: string | null;
  version: number | null;
  updatedAt: Date | null;
} & Judgement;

export async function saveAssessment(
  pool: pg.Pool,
  viewer: Viewer,
  claimId: string,
  input: unknown,
): Promise<SaveReply> {
  const parsed = Body.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return refuse(422, 'VALIDATION', 'Nothing was saved: check the fields marked.', { fieldErrors });
  }
  const { version, ...given } = parsed.data;
  const judgement: Judgement = {
    ...given,
    rationale: given.rationale || null,
    downgradeReasons: [...new Set(given.downgradeReasons)],
  };
  if (judgement.downgradeReasons.length > 0 && judgement.certainty === null)
    return refuse(422, 'VALIDATION', 'Choose a certainty before giving downgrade reasons.');

  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const reply = await save(db, { viewer, claimId, version, judgement });
    await db.query(reply.status === 200 ? 'COMMIT' : 'ROLLBACK');
    return reply;
  } catch (e) {
    await db.query('ROLLBACK');
    if ((e as { code?: string }).code === '22P02')
      return refuse(422, 'VALIDATION', 'Choose downgrade reasons from the five GRADE domains.');
    throw e;
  } finally {
    db.release();
  }
}

async function save(
  db: pg.PoolClient,
  options: { viewer: Viewer; claimId: string; version: number; judgement: Judgement },
): Promise<SaveReply> {
  const { viewer, claimId, version, judgement } = options;
  // Saves on one claim wait for each other here, so each sees the verdicts committed before it.
  // The project row is share-locked too, so a change of its consensus rule waits for the save it would change.
  const locked = await db.query<Locked>(
    `SELECT claim."documentId", doc."reviewMode", member.role AS "projectRole", project."reviewersRequired",
       claim."consensusVerdict", claim."consensusEvidenceLevel",
       mine.id AS "mineId", mine.version, mine."updatedAt", mine.verdict, mine."evidenceLevel", mine.certainty,
       mine."downgradeReasons"::text[] AS "downgradeReasons", mine.rationale
     FROM "Claim" claim
     JOIN "Document" doc ON doc.id = claim."documentId" AND doc."deletedAt" IS NULL
     JOIN "Project" project ON project.id = doc."projectId"
     LEFT JOIN "ProjectMember" member ON member."projectId" = project.id AND member."userId" = $2
     LEFT JOIN "Assessment" mine ON mine."claimId" = claim.id AND mine."reviewerId" = $2
     WHERE claim.id = $1 AND claim."deletedAt" IS NULL
     FOR NO KEY UPDATE OF claim FOR KEY SHARE OF project`,
    [claimId, viewer.id],
  );
  const claim = locked.rows[0];
  // Someone outside the project learns nothing, not even that the claim exists.
  if (!claim?.projectRole) return refuse(404, 'NOT_FOUND', 'The claim was not found.');
  if (claim.projectRole === 'VIEWER')
    return refuse(
      403,
      'FORBIDDEN',
      'A viewer cannot assess claims. Ask the project lead to make you a reviewer.',
    );
  const before: Judgement | null = claim.mineId
    ? {
        verdict: claim.verdict,
        evidenceLevel: claim.evidenceLevel,
        certainty: claim.certainty,
        downgradeReasons: claim.downgradeReasons ?? [],
        rationale: claim.rationale,
      }
    : null;
  const stale = () =>
    refuse(
      409,
      'CONFLICT',
      'Someone else changed this assessment since you opened it. Check theirs, then save again.',
      {
        details: { current: before && { ...before, version: claim.version, updatedAt: claim.updatedAt } },
      },
    );
  if ((claim.version ?? 0) !== version) return stale();

  const values = [
    judgement.verdict,
    judgement.evidenceLevel,
    judgement.certainty,
    judgement.downgradeReasons,
    judgement.rationale,
  ];
  const assessmentId = claim.mineId ?? newId();
  // The version in the WHERE (or the unique key, for a first save) keeps a concurrent write from being lost.
  const written = claim.mineId
    ? await db.query<{ version: number }>(
        `UPDATE "Assessment" SET verdict = $3, "evidenceLevel" = $4, certainty = $5, "downgradeReasons" = $6,
           rationale = $7, version = version + 1, "updatedAt" = now()
         WHERE id = $1 AND version = $2 RETURNING version`,
        [assessmentId, version, ...values],
      )
    : await db.query<{ version: number }>(
        `INSERT INTO "Assessment" (id, "claimId", "reviewerId", verdict, "evidenceLevel", certainty,
           "downgradeReasons", rationale, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT ("claimId", "reviewerId") DO NOTHING RETURNING version`,
        [assessmentId, claimId, viewer.id, ...values],
      );
  const saved = written.rows[0];
  if (!saved) return stale();

  const outcome = await consensusOf(db, claimId, claim.reviewersRequired);
  const events: unknown[][] = [
    [
      claim.mineId ? 'assessment.updated' : 'assessment.created',
      'Assessment',
      assessmentId,
      before,
      judgement,
    ],
  ];
  if (outcome.verdict !== claim.consensusVerdict || outcome.evidenceLevel !== claim.consensusEvidenceLevel) {
    await db.query(
      `UPDATE "Claim" SET "consensusVerdict" = $2, "consensusEvidenceLevel" = $3, "updatedAt" = now(),
         "consensusAt" = CASE WHEN $2::"Verdict" IS NULL THEN NULL ELSE coalesce($4::timestamp, now()) END
       WHERE id = $1`,
      [claimId, outcome.verdict, outcome.evidenceLevel, outcome.decidedAt],
    );
    const { state, verdict, evidenceLevel } = outcome;
    events.push([
      'consensus.changed',
      'Claim',
      claimId,
      { verdict: claim.consensusVerdict, evidenceLevel: claim.consensusEvidenceLevel },
      { state, verdict, evidenceLevel },
    ]);
  }
  await writeAudit(db, { actorId: viewer.id, documentId: claim.documentId, claimId, events });

  // A lead runs the review and sees it whole; a reviewer's view is kept blind until they have judged.
  const shown: Outcome = keptBlind(claim.reviewMode, claim.projectRole, judgement.verdict)
    ? UNREVIEWED
    : { state: outcome.state, verdict: outcome.verdict, evidenceLevel: outcome.evidenceLevel };
  return {
    status: 200,
    body: {
      ok: true,
      message: 'Saved.',
      data: { id: assessmentId, ...judgement, version: saved.version, consensus: shown },
    },
  };
}

/**
 * The consensus the claim's assessments make now, unless an adjudicator decided it: the latest adjudication
 * stands (and keeps its date) whatever reviewers save after it.
 */
async function consensusOf(db: pg.PoolClient, claimId: string, required: number) {
  const { rows } = await db.query<{
    adjudicated: boolean;
    verdict: Verdict | null;
    evidenceLevel: Level | null;
    decidedAt: string | null;
  }>(
    `(SELECT true AS adjudicated, verdict, "evidenceLevel", "createdAt"::text AS "decidedAt"
      FROM "Adjudication" WHERE "claimId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 1)
     UNION ALL
     SELECT false, verdict, "evidenceLevel", NULL FROM "Assessment" WHERE "claimId" = $1`,
    [claimId],
  );
  const adjudication = rows.find((row) => row.adjudicated);
  if (adjudication) return { ...adjudication, state: 'ADJUDICATED' as const };
  return { ...outcomeOf(rows, required), decidedAt: null };
}

/** One insert for all of a change's audit events: [action, entity type, entity id, before, after] each. */
async function writeAudit(
  db: pg.PoolClient,
  change: { actorId: string; documentId: string; claimId: string; events: unknown[][] },
) {
  const params: unknown[] = [];
  const tuples = change.events.map(([action, entityType, entityId, before, after]) => {
    const row = [
      newId(),
      change.actorId,
      action,
      entityType,
      entityId,
      change.documentId,
      change.claimId,
      before == null ? null : JSON.stringify(before),
      JSON.stringify(after),
    ];
    params.push(...row);
    return `(${row.map((_, i) => `$${params.length - row.length + i + 1}`).join(', ')})`;
  });
  await db.query(
    `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", "documentId", "claimId", before, after)
     VALUES ${tuples.join(', ')}`,
    params,
  );
}
