import { documentAgreement } from '@/lib/agreement/agreement';
import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';
import { summaryClosedTo } from '@/lib/visibility';
import { type OrphanClaimRow, orphanClaims } from './orphan-claims';
import { type WorkspaceClaimRow, workspaceClaims } from './workspace-claims';
import type { WorkspaceData } from './workspace-types';

/**
 * Everything the review workspace needs on first paint, in five queries: the document and its body, the
 * sections that hold claims, one compact row per claim, the ratings for the agreement figures (left out
 * where the summary is closed to the reader), and the orphans a new version set apart, with their review.
 */
export async function loadWorkspace(options: {
  documentId: string;
  user: { id: string; role: Role };
}): Promise<WorkspaceData> {
  requireId(options.documentId, 'The document');
  const { documentId } = options;
  const [documents, sections, rows, ratings, orphans] = await Promise.all([
    prisma.$queryRaw<Array<WorkspaceData['document']>>`
      SELECT id, title, "sourceUrl", author, to_char("publishedOn", 'YYYY-MM-DD') AS "publishedOn",
        "reviewMode", body, "textVersion",
        (SELECT p."reviewersRequired" FROM "Project" p WHERE p.id = "Document"."projectId") AS "reviewersRequired",
        EXISTS (SELECT 1 FROM "DocumentFile" f WHERE f."documentId" = "Document".id) AS "hasOriginal"
      FROM "Document" WHERE id = ${documentId}::uuid AND "deletedAt" IS NULL`,
    // Only sections that hold a claim: a heading with none under it (one repeated at once, a heading over a
    // book list) would be a filter that always shows nothing.
    prisma.$queryRaw<WorkspaceData['sections']>`
      SELECT s.id, s.heading FROM "Section" s
      WHERE s."documentId" = ${documentId}::uuid
        AND EXISTS (SELECT 1 FROM "Claim" c WHERE c."sectionId" = s.id AND c."deletedAt" IS NULL)
      ORDER BY s.start`,
    // One row per live claim in document order. The text is sent only when a reviewer edited it away from the
    // quote: otherwise the client reads it from the body, which halves the page for long documents.
    prisma.$queryRaw<WorkspaceClaimRow[]>`
      SELECT c.id, c.number, c.start, c."end", c."sectionId", c.kind, c.hedged, c."citesStudy",
        CASE WHEN c.text = c.quote THEN NULL ELSE c.text END AS text,
        c."consensusVerdict", c."consensusEvidenceLevel", c."textChangedAt" IS NOT NULL AS "textChanged",
        (SELECT count(*)::int FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS assessed,
        m.verdict AS "myVerdict"
      FROM "Claim" c
      LEFT JOIN "Assessment" m ON m."claimId" = c.id AND m."reviewerId" = ${options.user.id}::uuid
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL
      ORDER BY c.start, c.id`,
    // Every submitted rating of the document, for the agreement figures.
    prisma.$queryRaw<
      Array<{
        claimId: string;
        reviewerId: string;
        verdict: Verdict | null;
        evidenceLevel: EvidenceLevel | null;
      }>
    >`
      SELECT a."claimId", a."reviewerId", a.verdict, a."evidenceLevel"
      FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId"
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL`,
    // Orphans are deleted, so the queries above leave them out; a reviewer attaches them to new text by hand.
    prisma.$queryRaw<OrphanClaimRow[]>`
      SELECT c.id, c.number, c.quote, c.version, c."consensusVerdict", c."consensusEvidenceLevel",
        COALESCE((SELECT json_agg(json_build_object('verdict', a.verdict, 'evidenceLevel', a."evidenceLevel")
          ORDER BY a."createdAt", a.id)
          FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL), '[]') AS assessments,
        m.verdict AS "myVerdict",
        (SELECT count(*)::int FROM "Comment" k WHERE k."claimId" = c.id AND k."deletedAt" IS NULL) AS comments,
        COALESCE((SELECT json_agg(json_build_object('identifier', t.identifier, 'relation', t.relation)
          ORDER BY t."createdAt", t.id)
          FROM "Citation" t WHERE t."claimId" = c.id AND t."deletedAt" IS NULL), '[]') AS citations
      FROM "Claim" c
      LEFT JOIN "Assessment" m ON m."claimId" = c.id AND m."reviewerId" = ${options.user.id}::uuid
      WHERE c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NOT NULL
        AND c."reanchorStatus" = 'ORPHANED'
      ORDER BY c.number`,
  ]);
  const document = documents[0];
  if (!document) throw notFound('The document');
  const { reviewMode, reviewersRequired } = document;
  const claims = workspaceClaims(rows, { role: options.user.role, reviewMode, reviewersRequired });
  const closed = summaryClosedTo({ reviewMode, role: options.user.role });
  return {
    document,
    sections,
    claims,
    orphans: orphanClaims(orphans, { role: options.user.role, reviewMode }),
    summaryClosed: closed,
    agreement: closed ? null : documentAgreement(ratings),
  };
}
