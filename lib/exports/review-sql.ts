import { Prisma } from '@/lib/db/generated/client';
import type { ReviewFilter } from './review-types';

// SQL shared by the header's counts and the claim batches, so the two select and date claims the same way.

/**
 * The filter as a condition on claim alias `c`, shared by the header's counts and the claim batches so the two
 * always select the same claims. "In conflict" is the claim status of lib/consensus/consensus.ts (claimStatus):
 * no consensus verdict, and at least as many reviewers' verdicts as the project requires (and at least one), on
 * words no new version has changed since.
 */
export function reviewFilterSql(filter: ReviewFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.only === 'conflicts') {
    conditions.push(Prisma.sql`c."consensusVerdict" IS NULL AND c."textChangedAt" IS NULL
      AND (SELECT count(*) FROM "Assessment" j WHERE j."claimId" = c.id AND j.verdict IS NOT NULL) >= GREATEST(1,
        (SELECT p."reviewersRequired" FROM "Document" d JOIN "Project" p ON p.id = d."projectId"
         WHERE d.id = c."documentId"))`);
  }
  if (filter.only === 'unsupported') conditions.push(Prisma.sql`c."consensusVerdict" = 'UNSUPPORTED'`);
  if (filter.sectionId) conditions.push(Prisma.sql`c."sectionId" = ${filter.sectionId}::uuid`);
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, ' AND ');
}

/**
 * A timestamp column rendered in SQL exactly as Date#toISOString renders it. Prisma stores DateTime as UTC in
 * `timestamp(3)` columns, and json_build_object would print those without the "Z", so rows aggregated to JSON
 * in SQL would otherwise carry different timestamps from rows read through Prisma.
 * `column` is always a column name written in our own SQL, never user input.
 */
export function isoTimestampSql(column: string): Prisma.Sql {
  return Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}
