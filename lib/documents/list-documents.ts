import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import { summaryClosedTo } from '@/lib/visibility';

type DocumentRow = {
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

export type DocumentListItem = Pick<
  DocumentRow,
  'id' | 'title' | 'createdAt' | 'reviewMode' | 'total' | 'reviewed'
> & {
  /**
   * Claims by consensus verdict and in conflict; null where blind review closes the summary to the reader
   * (lib/visibility.ts), since the mix would tell a reviewer how the others judged.
   */
  verdictMix: Pick<DocumentRow, 'supported' | 'speculative' | 'unsupported' | 'conflicts'> | null;
};

/**
 * The dashboard: every document with its review progress and verdict mix, in one query.
 * A claim is reviewed once anyone gave it a verdict; it is in conflict when it is reviewed but has no consensus.
 */
export async function listDocuments(options: { reader: { role: Role } }): Promise<DocumentListItem[]> {
  const rows = await prisma.$queryRaw<DocumentRow[]>`
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
  return rows.map(({ supported, speculative, unsupported, conflicts, ...row }) => ({
    ...row,
    verdictMix: summaryClosedTo({ reviewMode: row.reviewMode, role: options.reader.role })
      ? null
      : { supported, speculative, unsupported, conflicts },
  }));
}
