import { Prisma, prisma } from '@/lib/db/prisma';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import {
  type ProjectRole,
  type Reader,
  readableDocuments,
  roleInProject,
} from '@/lib/projects/project-access';
import { summaryClosedTo } from '@/lib/visibility';
import { type ClaimProgress, claimProgressOf } from './claim-progress';

type DocumentRow = {
  id: string;
  title: string;
  projectId: string;
  projectName: string;
  projectRole: ProjectRole | null;
  createdAt: Date;
  reviewMode: ReviewMode;
  textVersion: number;
  reviewersRequired: number;
};

export type DocumentListItem = Pick<
  DocumentRow,
  'id' | 'title' | 'projectId' | 'projectName' | 'createdAt' | 'reviewMode'
> &
  Pick<ClaimProgress, 'total' | 'reviewed'> & {
    /**
     * Claims by consensus verdict and in conflict; null where blind review closes the summary to the reader
     * (lib/visibility.ts), since the mix would tell a reviewer how the others judged.
     */
    verdictMix: Omit<ClaimProgress, 'total' | 'reviewed'> | null;
  };

/**
 * The documents of the reader's projects (or of one of them) with their review progress and verdict mix
 * (lib/documents/claim-progress.ts, the counts the project list adds up).
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
    SELECT d.id, d.title, d."createdAt", d."reviewMode"::text AS "reviewMode", d."textVersion",
      p.id::text AS "projectId", p.name AS "projectName", p."reviewersRequired",
      (SELECT m.role::text FROM "ProjectMember" m WHERE m."projectId" = p.id AND m."userId" = ${reader.id}::uuid)
        AS "projectRole"
    FROM "Document" d
    JOIN "Project" p ON p.id = d."projectId"
    WHERE d."deletedAt" IS NULL AND ${readableDocuments(reader)} ${inProject}
    ORDER BY d."createdAt" DESC`;
  const progress = await claimProgressOf(rows);
  return rows.flatMap(({ projectRole, textVersion, reviewersRequired, ...row }) => {
    const counts = progress.get(row.id);
    // Hidden or deleted between the two reads: left out, as a later look would leave it.
    if (!counts) return [];
    const { total, reviewed, ...mix } = counts;
    const closed = summaryClosedTo({ reviewMode: row.reviewMode, role: roleInProject(projectRole) });
    return [{ ...row, total, reviewed, verdictMix: closed ? null : mix }];
  });
}
