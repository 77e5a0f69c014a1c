import { Prisma, prisma } from '@/lib/db/prisma';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import {
  type ProjectRole,
  type Reader,
  readableDocuments,
  roleInProject,
} from '@/lib/projects/project-access';
import { summaryClosedTo } from '@/lib/visibility';
import { CLAIM_PROGRESS_COLUMNS, CLAIMS_WITH_VERDICT_COUNTS } from './claim-progress-sql';

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
      ${CLAIM_PROGRESS_COLUMNS}
    FROM "Document" d
    JOIN "Project" p ON p.id = d."projectId"
    ${CLAIMS_WITH_VERDICT_COUNTS}
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
