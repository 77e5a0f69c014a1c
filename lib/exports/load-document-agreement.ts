import type { CompleteRatings } from '@/lib/agreement/complete-ratings';
import type { DocumentAgreement } from '@/lib/agreement/document-agreement';
import { evidenceLevelAgreement } from '@/lib/agreement/evidence-level-agreement';
import type { EvidenceLevel, Verdict } from '@/lib/agreement/types';
import { verdictAgreement } from '@/lib/agreement/verdict-agreement';
import { Prisma } from '@/lib/db/generated/client';
import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';

/**
 * The document's agreement figures, as documentAgreement computes them from every assessment, but with the
 * complete-ratings table (lib/agreement/complete-ratings.ts) built in SQL: one short array of values per claim
 * that every reviewer rated, in reviewer order. The statistics need nothing else, and a 10,000-claim review then
 * costs a few megabytes instead of a map per claim per field on top of every assessment row.
 * tests/integration/exports-review.test.ts checks that both give the same figures.
 */
export async function loadDocumentAgreement(options: { documentId: string }): Promise<DocumentAgreement> {
  const documentId = requireId(options.documentId, 'The document');
  const [verdicts, levels, assessed] = await Promise.all([
    completeRatingsOf<Verdict>(documentId, Prisma.raw('a.verdict')),
    completeRatingsOf<EvidenceLevel>(documentId, Prisma.raw('a."evidenceLevel"')),
    prisma.$queryRaw<Array<{ claims: number }>>`
      SELECT count(DISTINCT a."claimId")::int AS claims
      FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId"
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL`,
  ]);
  return {
    claimsAssessed: assessed[0]?.claims ?? 0,
    verdict: verdictAgreement(verdicts),
    evidenceLevel: evidenceLevelAgreement(levels),
  };
}

// The panel is everyone who set this field on some live claim; a claim is complete when each of them set it.
// Reviewers sort by id, as completeRatings sorts them, and each claim's values follow that order.
async function completeRatingsOf<V>(documentId: string, field: Prisma.Sql): Promise<CompleteRatings<V>> {
  const rows = await prisma.$queryRaw<Array<CompleteRatings<V>>>`
    WITH rated AS (
      SELECT a."claimId", a."reviewerId", ${field}::text AS value
      FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId"
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL AND ${field} IS NOT NULL
    ), panel AS (
      SELECT COALESCE(array_agg(DISTINCT "reviewerId" ORDER BY "reviewerId"), '{}') AS reviewers FROM rated
    ), claims AS (
      SELECT array_agg(value ORDER BY "reviewerId") AS "values" FROM rated GROUP BY "claimId"
    )
    SELECT (SELECT reviewers::text[] FROM panel) AS reviewers,
      COALESCE((
        SELECT json_agg("values") FROM claims
        WHERE cardinality("values") = (SELECT cardinality(reviewers) FROM panel)
      ), '[]'::json) AS rows,
      (SELECT count(*) FROM claims WHERE cardinality("values") < (SELECT cardinality(reviewers) FROM panel))::int
        AS "claimsExcluded"`;
  const table = rows[0];
  if (!table) throw new Error('The complete-ratings query returned no row.');
  return table;
}
