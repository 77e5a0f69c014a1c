import { Prisma } from '@/lib/db/prisma';

// The claim counts the document list and the project list both show, written once so the two cannot drift.
// As everywhere (claimStatus, lib/consensus/consensus.ts): a claim is reviewed once anyone gave it a verdict;
// without a consensus it is in review while fewer reviewers than its project (`p`) requires gave one, or while a
// new version's change of its words awaits a reviewer, and in conflict after.

/** Document `d`'s live claims, each with how many reviewers gave it a verdict, joined as `c` (none: one null row). */
export const CLAIMS_WITH_VERDICT_COUNTS = Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT c.id, c."consensusVerdict", c."textChangedAt",
      (SELECT count(*) FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS assessed
    FROM "Claim" c WHERE c."documentId" = d.id AND c."deletedAt" IS NULL
  ) c ON true`;

/** Over `c` (CLAIMS_WITH_VERDICT_COUNTS) of project `p`: total, reviewed, and the verdict mix. */
export const CLAIM_PROGRESS_COLUMNS = Prisma.sql`
  count(c.id)::int AS total,
  count(c.id) FILTER (WHERE c.assessed > 0)::int AS reviewed,
  count(c.id) FILTER (WHERE c."consensusVerdict" = 'SUPPORTED')::int AS supported,
  count(c.id) FILTER (WHERE c."consensusVerdict" = 'SPECULATIVE')::int AS speculative,
  count(c.id) FILTER (WHERE c."consensusVerdict" = 'UNSUPPORTED')::int AS unsupported,
  count(c.id) FILTER (WHERE c.assessed > 0 AND c."consensusVerdict" IS NULL
    AND (c.assessed < p."reviewersRequired" OR c."textChangedAt" IS NOT NULL))::int AS "inReview",
  count(c.id) FILTER (WHERE c.assessed >= p."reviewersRequired" AND c.assessed > 0
    AND c."consensusVerdict" IS NULL AND c."textChangedAt" IS NULL)::int AS conflicts`;
