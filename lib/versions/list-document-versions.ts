import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';
import { isoTimestampSql } from '@/lib/exports/review-sql';

export type DocumentVersionList = {
  document: { id: string; title: string; textVersion: number };
  /** The superseded versions, newest first; the current one is the document itself. */
  versions: Array<{
    number: number;
    title: string;
    /** ISO timestamp */
    supersededAt: string;
    supersededBy: string | null;
    /** The claims its frozen review holds: how many claims that version had. */
    claims: number;
  }>;
};

/**
 * A document's earlier versions, for the list the workspace and the summary link to. The caller has checked
 * that the reader may read the document (the page's guard); nothing here tells a verdict, so blind review
 * hides nothing of it. "Not found" for an unknown or deleted document.
 */
export async function listDocumentVersions(options: { documentId: string }): Promise<DocumentVersionList> {
  const documentId = requireId(options.documentId, 'The document');
  const [document, versions] = await Promise.all([
    prisma.document.findFirst({
      where: { id: documentId, deletedAt: null },
      select: { id: true, title: true, textVersion: true },
    }),
    // The claim count from the frozen review in SQL, so the list never loads the old bodies and reviews.
    prisma.$queryRaw<DocumentVersionList['versions']>`
      SELECT v.number, v.title, ${isoTimestampSql('v."supersededAt"')} AS "supersededAt", u.name AS "supersededBy",
        CASE WHEN jsonb_typeof(v.review -> 'claims') = 'array' THEN jsonb_array_length(v.review -> 'claims')
          ELSE 0 END AS claims
      FROM "DocumentVersion" v LEFT JOIN "User" u ON u.id = v."supersededById"
      WHERE v."documentId" = ${documentId}::uuid
      ORDER BY v.number DESC`,
  ]);
  if (!document) throw notFound('The document');
  return { document, versions };
}
