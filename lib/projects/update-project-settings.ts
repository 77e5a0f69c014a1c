import { writeAuditEvent } from '@/lib/audit/audit-event';
import { REVIEWERS_REQUIRED, WEAKEST_FIRST } from '@/lib/consensus/consensus';
import { Prisma, type Tx, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, isUniqueViolation, notFound } from '@/lib/errors';

export type ProjectSettings = {
  name: string;
  description: string;
  reviewersRequired: number;
  blindByDefault: boolean;
};

export type SavedProjectSettings = ProjectSettings & {
  version: number;
  /** Claims whose consensus changed because the consensus rule did. */
  recomputed: number;
};

/**
 * Changes a project's settings (any of name, description, consensus rule, blind by default), refusing an edit
 * based on a stale version. A new number of reviewers required re-derives every claim's consensus in the
 * project in the same transaction (recomputeProjectConsensus). The change and its audit event are one
 * transaction.
 */
export async function updateProjectSettings(options: {
  projectId: string;
  actorId: string;
  /** The version the lead saw. */
  expectedVersion: number;
  changes: Partial<ProjectSettings>;
}): Promise<SavedProjectSettings> {
  const projectId = requireId(options.projectId, 'The project');
  try {
    return await transaction((tx) => update(tx, projectId, options));
  } catch (e) {
    if (isUniqueViolation(e, 'Project_name_key')) {
      const message = `There is already a project called "${options.changes.name}". Choose another name.`;
      throw new AppError('VALIDATION', message, { name: message });
    }
    throw e;
  }
}

async function update(
  tx: Tx,
  projectId: string,
  options: { actorId: string; expectedVersion: number; changes: Partial<ProjectSettings> },
): Promise<SavedProjectSettings> {
  // FOR UPDATE, not NO KEY UPDATE: it waits for every assessment save in the project that holds the project's
  // KEY SHARE lock (lockLiveClaim) and holds new ones back until this commits, so no save derives a consensus
  // from the rule this transaction replaces.
  const [current] = await tx.$queryRaw<Array<ProjectSettings & { version: number }>>`
      SELECT name, description, "reviewersRequired", "blindByDefault", version
      FROM "Project" WHERE id = ${projectId}::uuid FOR UPDATE`;
  if (!current) throw notFound('The project');
  if (current.version !== options.expectedVersion) throw staleEdit(current);
  const before: Partial<ProjectSettings> = {};
  const after: Partial<ProjectSettings> = {};
  for (const key of Object.keys(options.changes) as Array<keyof ProjectSettings>) {
    const value = options.changes[key];
    if (value === undefined || value === current[key]) continue;
    Object.assign(before, { [key]: current[key] });
    Object.assign(after, { [key]: value });
  }
  if (
    after.reviewersRequired !== undefined &&
    !REVIEWERS_REQUIRED.some((n) => n === after.reviewersRequired)
  ) {
    const message = 'Choose 1, 2 or 3 reviewers per claim.';
    throw new AppError('VALIDATION', message, { reviewersRequired: message });
  }
  if (Object.keys(after).length === 0) return { ...current, recomputed: 0 };

  const saved = await tx.project.update({
    where: { id: projectId },
    data: { ...after, version: { increment: 1 } },
    select: { name: true, description: true, reviewersRequired: true, blindByDefault: true, version: true },
  });
  const recomputed =
    after.reviewersRequired === undefined
      ? 0
      : await recomputeProjectConsensus(tx, { projectId, reviewersRequired: after.reviewersRequired });
  await writeAuditEvent(tx, {
    actorId: options.actorId,
    action: 'project.settings-changed',
    entityType: 'Project',
    entityId: projectId,
    before,
    after: after.reviewersRequired === undefined ? after : { ...after, claimsRecomputed: recomputed },
  });
  return { ...saved, recomputed };
}

/**
 * Re-derives the consensus of every live claim in the project's documents under a new rule, in one statement
 * whatever the number of claims: computeConsensus (lib/consensus/consensus.ts) written as SQL. A claim with an
 * adjudication keeps it: the latest adjudication stands until the next one (ADR 0004). Returns how many claims
 * changed. The caller holds the project row FOR UPDATE, so no assessment is saved meanwhile.
 */
async function recomputeProjectConsensus(
  tx: Tx,
  options: { projectId: string; reviewersRequired: number },
): Promise<number> {
  const weakestFirst = Prisma.sql`ARRAY[${Prisma.join(WEAKEST_FIRST)}]::"EvidenceLevel"[]`;
  const [result] = await tx.$queryRaw<Array<{ changed: number }>>`
    WITH tally AS (
      SELECT c.id,
        count(a.verdict) AS assessed,
        count(DISTINCT a.verdict) AS verdicts,
        min(a.verdict) AS verdict,
        (array_agg(a."evidenceLevel" ORDER BY array_position(${weakestFirst}, a."evidenceLevel"))
          FILTER (WHERE a.verdict IS NOT NULL AND a."evidenceLevel" IS NOT NULL))[1] AS level
      FROM "Claim" c
      JOIN "Document" d ON d.id = c."documentId"
      LEFT JOIN "Assessment" a ON a."claimId" = c.id
      WHERE d."projectId" = ${options.projectId}::uuid AND c."deletedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Adjudication" j WHERE j."claimId" = c.id)
      GROUP BY c.id
    ), next AS (
      SELECT id,
        CASE WHEN assessed >= ${options.reviewersRequired} AND verdicts = 1 THEN verdict END AS verdict,
        CASE WHEN assessed >= ${options.reviewersRequired} AND verdicts = 1 THEN level END AS level
      FROM tally
    ), changed AS (
      UPDATE "Claim" c SET "consensusVerdict" = n.verdict, "consensusEvidenceLevel" = n.level,
        "consensusAt" = CASE WHEN n.verdict IS NULL THEN NULL ELSE now() END, "updatedAt" = now()
      FROM next n
      WHERE c.id = n.id AND (c."consensusVerdict" IS DISTINCT FROM n.verdict
        OR c."consensusEvidenceLevel" IS DISTINCT FROM n.level)
      RETURNING c.id)
    SELECT count(*)::int AS changed FROM changed`;
  return result?.changed ?? 0;
}

function staleEdit(current: ProjectSettings & { version: number }) {
  return new AppError(
    'CONFLICT',
    "Someone changed this project's settings after you opened this page. Your choice here is kept: reload to see theirs, then make yours again.",
    { current },
  );
}
