import { Prisma } from '@/lib/db/generated/client';
import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';
import { isoTimestampSql } from './iso-timestamp-sql';
import { reviewClaimRow, type StoredClaim } from './review-claim-row';
import { reviewFilterSql } from './review-filter-sql';
import type { ReviewClaimRow, ReviewFilter } from './review-types';

/**
 * The claims the filter selects, in document order, a batch at a time. Each batch is one query that resumes
 * after the last (start, id) seen (keyset pagination), so memory holds one batch whatever the document's size,
 * and a later batch costs as little as the first. The next batch is read only when the consumer asks for it, so
 * a slow download slows the reads instead of queueing batches. Batches are separate statements rather than one
 * long transaction, so a slow download never holds a snapshot open; a claim edited meanwhile shows as it is
 * when its batch is read.
 */
export async function* reviewClaimBatches(options: {
  documentId: string;
  filter: ReviewFilter;
  appUrl: string;
  batchSize?: number;
}): AsyncIterable<ReviewClaimRow[]> {
  const documentId = requireId(options.documentId, 'The document');
  const batchSize = options.batchSize ?? 500;
  const exists = await prisma.document.count({ where: { id: documentId, deletedAt: null } });
  if (exists === 0) throw notFound('The document');
  let after: Cursor = null;
  for (;;) {
    const claims: StoredClaim[] = await prisma.$queryRaw<StoredClaim[]>(
      claimBatchSql(documentId, options.filter, after, batchSize),
    );
    const last: StoredClaim | undefined = claims.at(-1);
    if (!last) return;
    yield claims.map((claim) => reviewClaimRow(claim, { documentId, appUrl: options.appUrl }));
    if (claims.length < batchSize) return;
    after = { start: last.start, id: last.id, number: last.number };
  }
}

/** Where the previous batch ended: its last claim's place in the document and its number. */
type Cursor = { start: number; id: string; number: number } | null;

// `number` counts every live claim, filtered or not, so "claim 12" means the same claim in every view. A batch
// counts only the live claims between the previous batch's last claim and its own, and adds that claim's
// number, so numbering costs no more than reading the batch: no window over the whole document per batch.
function claimBatchSql(
  documentId: string,
  filter: ReviewFilter,
  after: Cursor,
  batchSize: number,
): Prisma.Sql {
  const live = Prisma.sql`"documentId" = ${documentId}::uuid AND "deletedAt" IS NULL`;
  const resume = after ? Prisma.sql`(start, id) > (${after.start}, ${after.id}::uuid)` : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH page AS (
      SELECT c.* FROM "Claim" c
      WHERE ${live} AND ${reviewFilterSql(filter)} AND ${resume}
      ORDER BY c.start, c.id
      LIMIT ${batchSize}
    ), numbered AS (
      SELECT id, (${after?.number ?? 0} + row_number() OVER (ORDER BY start, id))::int AS number
      FROM "Claim"
      WHERE ${live} AND ${resume}
        AND (start, id) <= (SELECT p.start, p.id FROM page p ORDER BY p.start DESC, p.id DESC LIMIT 1)
    )
    SELECT c.id, n.number, c."sectionId", s.heading AS section, c.text, c.quote, c.start, c."end",
      c.prefix, c.suffix, c.kind, c.hedged, c."consensusVerdict", c."consensusEvidenceLevel",
      ${isoTimestampSql('c."consensusAt"')} AS "consensusAt",
      COALESCE((
        SELECT json_agg(json_build_object(
          'reviewerId', a."reviewerId", 'reviewer', u.name, 'verdict', a.verdict,
          'evidenceLevel', a."evidenceLevel", 'certainty', a.certainty, 'downgradeReasons', a."downgradeReasons",
          'rationale', a.rationale, 'updatedAt', ${isoTimestampSql('a."updatedAt"')})
          ORDER BY u.name, a."reviewerId")
        FROM "Assessment" a JOIN "User" u ON u.id = a."reviewerId" WHERE a."claimId" = c.id
      ), '[]'::json) AS assessments,
      COALESCE((
        SELECT json_agg(json_build_object(
          'adjudicator', u.name, 'verdict', d.verdict, 'evidenceLevel', d."evidenceLevel", 'note', d.note,
          'createdAt', ${isoTimestampSql('d."createdAt"')})
          ORDER BY d."createdAt", d.id)
        FROM "Adjudication" d JOIN "User" u ON u.id = d."adjudicatorId" WHERE d."claimId" = c.id
      ), '[]'::json) AS adjudications,
      COALESCE((
        SELECT json_agg(json_build_object(
          'kind', t.kind, 'identifier', t.identifier, 'title', t.title, 'studyDesign', t."studyDesign",
          'relation', t.relation, 'note', t.note)
          ORDER BY t."createdAt", t.id)
        FROM "Citation" t WHERE t."claimId" = c.id AND t."deletedAt" IS NULL
      ), '[]'::json) AS citations,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', m.id, 'parentId', m."parentId", 'author', u.name, 'body', m.body,
          'createdAt', ${isoTimestampSql('m."createdAt"')}, 'resolvedAt', ${isoTimestampSql('m."resolvedAt"')})
          ORDER BY m."createdAt", m.id)
        FROM "Comment" m JOIN "User" u ON u.id = m."authorId" WHERE m."claimId" = c.id AND m."deletedAt" IS NULL
      ), '[]'::json) AS comments
    FROM page c
    JOIN numbered n ON n.id = c.id
    LEFT JOIN "Section" s ON s.id = c."sectionId"
    ORDER BY c.start, c.id`;
}
