import { Prisma, prisma } from '@/lib/db/prisma';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import {
  type ProjectRole,
  type Reader,
  readableDocuments,
  roleInProject,
} from '@/lib/projects/project-access';
import { summaryClosedTo } from '@/lib/visibility';

type DocumentRow = {
  id: string;
  title: string;
  projectId: string;
  projectName: string;
  projectRole: ProjectRole | null;
  createdAt: Date;
  reviewMode: ReviewMode;
  total: number;
  reviewed: number;
  supported: number;
  speculative: number;
  unsupported: number;
  inReview: number;
  conflicts: number;
};

export type DocumentListItem = Pick<
  DocumentRow,
  'id' | 'title' | 'projectId' | 'projectName' | 'createdAt' | 'reviewMode' | 'total' | 'reviewed'
> & {
  /**
   * Claims by consensus verdict and in conflict; null where blind review closes the summary to the reader
   * (lib/visibility.ts), since the mix would tell a reviewer how the others judged.
   */
  verdictMix: Pick<
    DocumentRow,
    'supported' | 'speculative' | 'unsupported' | 'inReview' | 'conflicts'
  > | null;
};

/**
 * The documents of the reader's projects (or of one of them) with their review progress and verdict mix, in one
 * query. A claim is reviewed once anyone gave it a verdict. Without a consensus it is in review while fewer
 * reviewers than the project requires have given one, and in conflict after (claimStatus,
 * lib/consensus/consensus.ts).
 */
export async function listDocuments(options: {
  reader: Reader;
  projectId?: string;
}): Promise<DocumentListItem[]> {
  const { reader } = options;
  const inProject = options.projectId
    ? Prisma.sql`AND d."projectId" = ${options.projectId}::uuid`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<DocumentRow[]>`
    SELECT d.id, d.title, d."createdAt", d."reviewMode"::text AS "reviewMode",
      p.id::text AS "projectId", p.name AS "projectName",
      (SELECT m.role::text FROM "ProjectMember" m WHERE m."projectId" = p.id AND m."userId" = ${reader.id}::uuid)
        AS "projectRole",
      count(c.id)::int AS total,
      count(c.id) FILTER (WHERE c.assessed > 0)::int AS reviewed,
      count(c.id) FILTER (WHERE c."consensusVerdict" = 'SUPPORTED')::int AS supported,
      count(c.id) FILTER (WHERE c."consensusVerdict" = 'SPECULATIVE')::int AS speculative,
      count(c.id) FILTER (WHERE c."consensusVerdict" = 'UNSUPPORTED')::int AS unsupported,
      count(c.id) FILTER (WHERE c.assessed > 0 AND c.assessed < p."reviewersRequired"
        AND c."consensusVerdict" IS NULL)::int AS "inReview",
      count(c.id) FILTER (WHERE c.assessed >= p."reviewersRequired" AND c.assessed > 0
        AND c."consensusVerdict" IS NULL)::int AS conflicts
    FROM "Document" d
    JOIN "Project" p ON p.id = d."projectId"
    LEFT JOIN LATERAL (
      SELECT c.id, c."consensusVerdict",
        (SELECT count(*) FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS assessed
      FROM "Claim" c WHERE c."documentId" = d.id AND c."deletedAt" IS NULL
    ) c ON true
    WHERE d."deletedAt" IS NULL AND ${readableDocuments(reader)} ${inProject}
    GROUP BY d.id, p.id
    ORDER BY d."createdAt" DESC`;
  return rows.map(({ supported, speculative, unsupported, inReview, conflicts, projectRole, ...row }) => ({
    ...row,
    verdictMix: summaryClosedTo({ reviewMode: row.reviewMode, role: roleInProject(projectRole) })
      ? null
      : { supported, speculative, unsupported, inReview, conflicts },
  }));
}
