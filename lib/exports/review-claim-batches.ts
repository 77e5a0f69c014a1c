import { Prisma } from '@/lib/db/generated/client';
import { type ReadFrom, readClient } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';
import { reviewClaimRow, type StoredClaim } from './review-rows';
import { isoTimestampSql, reviewFilterSql } from './review-sql';
import type { ReviewClaimRow, ReviewFilter } from './review-types';

/** Batches read while the consumer works on the current one: two, so two database backends work at once. */
const READ_AHEAD = 2;
/**
 * Claims a batch. With two batches read ahead, three are held at once; 250 rather than 500 took about 15 MB off
 * the peak of a 10,000-claim export in its capped worker, at no cost in time (ADR 0008).
 */
const BATCH_SIZE = 250;

/**
 * The claims the filter selects, in document order, a batch at a time. One query first finds where each batch
 * ends (every batchSize-th selected claim); each batch is then one query for the claims after one boundary up
 * to the next, so memory holds a few batches whatever the document's size, and a later batch costs as little
 * as the first. Knowing the boundaries up front lets the next batches be read while the consumer works on
 * this one, at most READ_AHEAD of them: the database and this thread work in parallel, and a slow download
 * still slows the reads rather than queueing the document. Batches are separate statements rather than one
 * long transaction, so a slow download never holds a snapshot open: a claim edited meanwhile shows as it is
 * when its batch is read, and one added meanwhile shows if its range is read after it was added. The ranges do
 * not overlap, so no claim shows twice. Read from the primary unless `from` says the replica, as the header was.
 */
export async function* reviewClaimBatches(options: {
  documentId: string;
  filter: ReviewFilter;
  appUrl: string;
  batchSize?: number;
  from?: ReadFrom;
}): AsyncIterable<ReviewClaimRow[]> {
  const documentId = requireId(options.documentId, 'The document');
  const prisma = readClient(options.from ?? 'primary');
  const batchSize = options.batchSize ?? BATCH_SIZE;
  // Asked for together rather than one after the other; a missing document simply has no batch ends.
  const [document, ends] = await Promise.all([
    prisma.document.findFirst({
      where: { id: documentId, deletedAt: null },
      select: { project: { select: { reviewersRequired: true } } },
    }),
    prisma.$queryRaw<NonNullable<Cursor>[]>(batchEndsSql(documentId, options.filter, batchSize)),
  ]);
  if (!document) throw notFound('The document');
  const row = { documentId, appUrl: options.appUrl, reviewersRequired: document.project.reviewersRequired };
  // Batch i runs from after ends[i - 1] to ends[i]; the last has no end, so it also takes claims added since.
  const ranges = [...ends, null].map((end, i) => ({ after: ends[i - 1] ?? null, until: end }));
  const read = (range: (typeof ranges)[number]) => {
    const claims = prisma.$queryRaw<StoredClaim[]>(claimBatchSql(documentId, options.filter, range));
    // A read ahead that fails is reported when its batch is asked for, not as an unhandled rejection.
    claims.catch(() => undefined);
    return claims;
  };
  const reading = ranges.slice(0, READ_AHEAD).map(read);
  for (let i = 0; i < ranges.length; i++) {
    const claims = await (reading.shift() as Promise<StoredClaim[]>);
    const next = ranges[i + READ_AHEAD];
    if (next) reading.push(read(next));
    if (claims.length > 0) {
      yield claims.map((claim) => reviewClaimRow(claim, row));
    }
  }
}

/** A claim's place in the document: where one batch ends and the next resumes. */
type Cursor = { start: number; id: string } | null;

function batchEndsSql(documentId: string, filter: ReviewFilter, batchSize: number): Prisma.Sql {
  return Prisma.sql`
    WITH chosen AS (
      SELECT c.start, c.id, row_number() OVER (ORDER BY c.start, c.id) AS k
      FROM "Claim" c
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL AND ${reviewFilterSql(filter)}
    )
    SELECT start, id::text AS id FROM chosen WHERE k % ${batchSize} = 0 ORDER BY start, id`;
}

// Each claim carries its stored number (Claim.number), so "claim 12" is the same claim in every view, filtered
// or not, and stays so when claims are added or deleted before it.
function claimBatchSql(
  documentId: string,
  filter: ReviewFilter,
  { after, until }: { after: Cursor; until: Cursor },
): Prisma.Sql {
  const resume = after ? Prisma.sql`(start, id) > (${after.start}, ${after.id}::uuid)` : Prisma.sql`TRUE`;
  // `start <=` on its own as well, so the index scan stops at the end of the range instead of filtering the rest.
  const stop = until
    ? Prisma.sql`start <= ${until.start} AND (start, id) <= (${until.start}, ${until.id}::uuid)`
    : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH page AS (
      SELECT c.* FROM "Claim" c
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL AND ${reviewFilterSql(filter)}
        AND ${resume} AND ${stop}
    )
    SELECT c.id, c.number, c."sectionId", s.heading AS section, c.text, c.quote, c.start, c."end",
      c.prefix, c.suffix, c.kind, c.hedged, c."citesStudy", c."consensusVerdict", c."consensusEvidenceLevel",
      ${isoTimestampSql('c."consensusAt"')} AS "consensusAt", c."textChangedAt" IS NOT NULL AS "textChanged",
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
          'relation', t.relation, 'note', t.note,
          'source', CASE WHEN r.kind IS NOT NULL THEN json_build_object(
            'title', r.title, 'journal', r.journal, 'year', r.year, 'authors', r.authors,
            'publicationTypes', r."publicationTypes", 'lookedUpAt', ${isoTimestampSql('r."fetchedAt"')}) END)
          ORDER BY t."createdAt", t.id)
        FROM "Citation" t
        -- What PubMed or Crossref said of a cited PMID or DOI, once found: keyed as citationSourceKey keys it.
        LEFT JOIN "CitationSource" r ON r.kind = t.kind AND r.status = 'FOUND'
          AND r.identifier = CASE WHEN t.kind = 'DOI' THEN lower(t.identifier) ELSE t.identifier END
        WHERE t."claimId" = c.id AND t."deletedAt" IS NULL
      ), '[]'::json) AS citations,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', m.id, 'parentId', m."parentId", 'author', u.name, 'body', m.body,
          'createdAt', ${isoTimestampSql('m."createdAt"')}, 'resolvedAt', ${isoTimestampSql('m."resolvedAt"')})
          ORDER BY m."createdAt", m.id)
        FROM "Comment" m JOIN "User" u ON u.id = m."authorId" WHERE m."claimId" = c.id AND m."deletedAt" IS NULL
      ), '[]'::json) AS comments
    FROM page c
    LEFT JOIN "Section" s ON s.id = c."sectionId"
    ORDER BY c.start, c.id`;
}
