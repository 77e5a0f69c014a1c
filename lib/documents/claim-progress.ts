import { transaction } from '@/lib/db/prisma';
import { type ChangeStamp, changeStamp, unchangedSince } from '@/lib/live/review-changes';

// The claim counts the document list and the project list both show, counted once so the two cannot drift. As
// everywhere (claimStatus, lib/consensus/consensus.ts): a claim is reviewed once anyone gave it a verdict; without
// a consensus it is in review while fewer reviewers than its project requires gave one, or while a new version's
// change of its words awaits a reviewer, and in conflict after.
//
// Counting is a pass over every claim of every document listed: about 2 ms of the database per thousand claims,
// so a dashboard over a few 20,000-claim documents cost it 50–100 ms each time it was opened, and ten readers
// kept it busy. Each document's counts are therefore kept in this process until a change of the document is
// announced (lib/live/review-changes.ts: every change a reviewer makes writes an audit event, whose trigger
// announces it), its text version moves on (a new version) or its project's consensus rule changes. Nothing is
// kept while the listener is not connected, since a change could then go unheard.

export type ClaimProgress = {
  total: number;
  reviewed: number;
  supported: number;
  speculative: number;
  unsupported: number;
  inReview: number;
  conflicts: number;
};

/** A document, with what its counts depend on besides its claims' announced changes. */
export type ProgressKey = { id: string; textVersion: number; reviewersRequired: number };

type Kept = ProgressKey & { stamp: ChangeStamp; progress: ClaimProgress };

/** Documents kept at most (a few hundred bytes each); past it, the counts are all counted again. */
const KEEP_AT_MOST = 50_000;

// Pages and route handlers are bundled separately: one store per process.
const store = globalThis as unknown as { claimProgress?: Map<string, Kept> };

export const NO_CLAIMS: ClaimProgress = {
  total: 0,
  reviewed: 0,
  supported: 0,
  speculative: 0,
  unsupported: 0,
  inReview: 0,
  conflicts: 0,
};

/**
 * Each document's claim counts, by id; kept ones where nothing has changed them, the others counted in one
 * query. A document hidden or gone by the time it is counted is left out.
 */
export async function claimProgressOf(
  documents: readonly ProgressKey[],
): Promise<Map<string, ClaimProgress>> {
  store.claimProgress ??= new Map();
  const kept = store.claimProgress;
  const progress = new Map<string, ClaimProgress>();
  const toCount: string[] = [];
  for (const document of documents) {
    const held = kept.get(document.id);
    const current =
      held &&
      held.textVersion === document.textVersion &&
      held.reviewersRequired === document.reviewersRequired &&
      unchangedSince(document.id, held.stamp);
    if (current) progress.set(document.id, held.progress);
    else toCount.push(document.id);
  }
  if (toCount.length === 0) return progress;
  // Taken before the counts are read: a change announced after it makes them stale, even if they include it.
  const stamp = changeStamp();
  for (const { id, textVersion, reviewersRequired, ...counts } of await countClaims(toCount)) {
    progress.set(id, counts);
    if (!stamp) continue;
    if (kept.size >= KEEP_AT_MOST) kept.clear();
    kept.set(id, { id, textVersion, reviewersRequired, stamp, progress: counts });
  }
  return progress;
}

/** Adds `more` into `into`. */
export function addProgress(into: ClaimProgress, more: ClaimProgress) {
  for (const key of Object.keys(into) as Array<keyof ClaimProgress>) into[key] += more[key];
}

async function countClaims(documentIds: string[]) {
  // The plan's cost (an index probe per claim) passes PostgreSQL's JIT threshold, and compiling the plan takes
  // longer than running it; SET LOCAL turns JIT off for this one transaction.
  return transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    // The text version and the rule are read with the counts, so they are what the counts were counted against.
    return tx.$queryRaw<Array<ProgressKey & ClaimProgress>>`
      SELECT d.id::text AS id, d."textVersion", p."reviewersRequired",
        count(c.id)::int AS total,
        count(c.id) FILTER (WHERE c.assessed > 0)::int AS reviewed,
        count(c.id) FILTER (WHERE c."consensusVerdict" = 'SUPPORTED')::int AS supported,
        count(c.id) FILTER (WHERE c."consensusVerdict" = 'SPECULATIVE')::int AS speculative,
        count(c.id) FILTER (WHERE c."consensusVerdict" = 'UNSUPPORTED')::int AS unsupported,
        count(c.id) FILTER (WHERE c.assessed > 0 AND c."consensusVerdict" IS NULL
          AND (c.assessed < p."reviewersRequired" OR c."textChangedAt" IS NOT NULL))::int AS "inReview",
        count(c.id) FILTER (WHERE c.assessed >= p."reviewersRequired" AND c.assessed > 0
          AND c."consensusVerdict" IS NULL AND c."textChangedAt" IS NULL)::int AS conflicts
      FROM "Document" d
      JOIN "Project" p ON p.id = d."projectId"
      LEFT JOIN LATERAL (
        SELECT c.id, c."consensusVerdict", c."textChangedAt",
          (SELECT count(*) FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS assessed
        FROM "Claim" c WHERE c."documentId" = d.id AND c."deletedAt" IS NULL
      ) c ON true
      WHERE d.id = ANY(${documentIds}::uuid[]) AND d."deletedAt" IS NULL
      GROUP BY d.id, p.id`;
  });
}
