import {
  type CompleteRatings,
  type DocumentAgreement,
  type EvidenceLevel,
  evidenceLevelAgreement,
  type Verdict,
  verdictAgreement,
} from '@/lib/agreement/agreement';
import { Prisma } from '@/lib/db/generated/client';
import { type ReadFrom, readClient } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';

/** A field's complete ratings as SQL sends them: each distinct row of values once, with how many claims gave it. */
type GroupedRatings<V> = { reviewers: string[]; rows: Array<[V[], number]>; claimsExcluded: number };

type Row = {
  claimsAssessed: number;
  verdict: GroupedRatings<Verdict>;
  evidenceLevel: GroupedRatings<EvidenceLevel>;
};

/**
 * The document's agreement figures, as documentAgreement computes them from every assessment, but with the
 * complete-ratings table (completeRatings in lib/agreement/agreement.ts) built in SQL, in one pass over the
 * assessments for both fields. Claims that got the same values from the same panel are counted rather than sent one by one: a
 * 10,000-claim review with three reviewers has at most 27 distinct verdict rows, so the database sends a few
 * hundred bytes instead of a row per claim, and the header of every export waits less for it.
 * tests/integration/exports-review.test.ts checks that both give the same figures.
 */
export async function loadDocumentAgreement(options: {
  documentId: string;
  from?: ReadFrom;
}): Promise<DocumentAgreement> {
  const documentId = requireId(options.documentId, 'The document');
  const prisma = readClient(options.from ?? 'primary');
  // The panel of a field is everyone who set it on some live claim; a claim is complete when each of them did.
  // Reviewers sort by id, as completeRatings sorts them, and each row's values follow that order.
  const [row] = await prisma.$queryRaw<Row[]>`
    WITH rated AS (
      SELECT a."claimId", a."reviewerId", a.verdict::text AS verdict, a."evidenceLevel"::text AS level
      FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId"
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL
    ), panels AS (
      SELECT COALESCE(array_agg("reviewerId" ORDER BY "reviewerId") FILTER (WHERE verdict), '{}') AS verdict,
        COALESCE(array_agg("reviewerId" ORDER BY "reviewerId") FILTER (WHERE level), '{}') AS level
      FROM (
        SELECT "reviewerId"::text, bool_or(verdict IS NOT NULL) AS verdict, bool_or(level IS NOT NULL) AS level
        FROM rated GROUP BY "reviewerId"
      ) reviewer
    ), claims AS (
      SELECT array_agg(verdict ORDER BY "reviewerId") FILTER (WHERE verdict IS NOT NULL) AS verdicts,
        array_agg(level ORDER BY "reviewerId") FILTER (WHERE level IS NOT NULL) AS levels
      FROM rated GROUP BY "claimId"
    )
    SELECT
      (SELECT count(*) FROM claims)::int AS "claimsAssessed",
      ${groupedRatingsSql('verdicts', 'p.verdict')} AS verdict,
      ${groupedRatingsSql('levels', 'p.level')} AS "evidenceLevel"
    FROM panels p`;
  if (!row) throw new Error('The agreement query returned no row.');
  return {
    claimsAssessed: row.claimsAssessed,
    verdict: verdictAgreement(ungrouped(row.verdict)),
    evidenceLevel: evidenceLevelAgreement(ungrouped(row.evidenceLevel)),
  };
}

/**
 * One field's GroupedRatings as JSON: its panel, each distinct row of values of a complete claim with how many
 * claims gave it, and how many claims missed some value. `values` and `panel` are column names of the query.
 */
function groupedRatingsSql(values: string, panel: string): Prisma.Sql {
  return Prisma.raw(`json_build_object(
    'reviewers', ${panel},
    'rows', COALESCE((
      SELECT json_agg(json_build_array(${values}, n)) FROM (
        SELECT ${values}, count(*)::int AS n FROM claims
        WHERE cardinality(${values}) = cardinality(${panel}) GROUP BY ${values}
      ) complete
    ), '[]'::json),
    'claimsExcluded', (SELECT count(*) FROM claims WHERE cardinality(${values}) < cardinality(${panel})))`);
}

/** One row per claim again, as the statistics take them; a repeated row is the same array, not a copy. */
function ungrouped<V>({ reviewers, rows, claimsExcluded }: GroupedRatings<V>): CompleteRatings<V> {
  return {
    reviewers,
    rows: rows.flatMap(([values, claims]) => Array<V[]>(claims).fill(values)),
    claimsExcluded,
  };
}
