import { prisma } from '@/lib/db/prisma';
import type { ReviewMode } from '@/lib/domain/vocabulary';

export type DocumentListItem = {
  id: string;
  title: string;
  createdAt: Date;
  reviewMode: ReviewMode;
  total: number;
  reviewed: number;
  supported: number;
  speculative: number;
  unsupported: number;
  conflicts: number;
};

/**
 * The dashboard: every document with its review progress and verdict mix, in one query.
 * A claim is reviewed once anyone gave it a verdict; it is in conflict when it is reviewed but has no consensus.
 */
export async function listDocuments(): Promise<DocumentListItem[]> {
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT d.id, d.title, d."createdAt", d."reviewMode"::text AS "reviewMode",
      count(c.id)::int AS total,
      count(c.id) FILTER (WHERE c.reviewed)::int AS reviewed,
      count(c.id) FILTER (WHERE c."consensusVerdict" = 'SUPPORTED')::int AS supported,
      count(c.id) FILTER (WHERE c."consensusVerdict" = 'SPECULATIVE')::int AS speculative,
      count(c.id) FILTER (WHERE c."consensusVerdict" = 'UNSUPPORTED')::int AS unsupported,
      count(c.id) FILTER (WHERE c.reviewed AND c."consensusVerdict" IS NULL)::int AS conflicts
    FROM "Document" d
    LEFT JOIN LATERAL (
      SELECT c.id, c."consensusVerdict",
        EXISTS (SELECT 1 FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS reviewed
      FROM "Claim" c WHERE c."documentId" = d.id AND c."deletedAt" IS NULL
    ) c ON true
    WHERE d."deletedAt" IS NULL
    GROUP BY d.id
    ORDER BY d."createdAt" DESC`;
  return rows as DocumentListItem[];
}
