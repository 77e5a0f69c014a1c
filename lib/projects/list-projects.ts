import { transaction } from '@/lib/db/prisma';
import { CLAIM_PROGRESS_COLUMNS, CLAIMS_WITH_VERDICT_COUNTS } from '@/lib/documents/claim-progress-sql';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import { type ProjectRole, type Reader, roleInProject } from '@/lib/projects/project-access';
import { summaryClosedTo } from '@/lib/visibility';

/** Claims by consensus verdict and in conflict, over the documents whose verdict mix the reader may see. */
export type ProjectVerdictMix = {
  total: number;
  reviewed: number;
  supported: number;
  speculative: number;
  unsupported: number;
  inReview: number;
  conflicts: number;
};

export type ProjectListItem = {
  id: string;
  name: string;
  description: string;
  /** The reader's project role; null for an instance admin who is not a member (admin view). */
  projectRole: ProjectRole | null;
  adminView: boolean;
  documents: number;
  /** Claims in all the project's documents, and how many of them anyone gave a verdict. */
  total: number;
  reviewed: number;
  /**
   * Over the documents open to the reader; null when blind review closes every document's mix to them
   * (lib/visibility.ts), since the mix would tell a reviewer how the others judged.
   */
  verdictMix: ProjectVerdictMix | null;
  /** Documents left out of verdictMix because blind review closes their mix to the reader. */
  blindDocuments: number;
};

/** One row per project and review mode of its documents (one row with no mode for a project without any). */
type ProjectRow = {
  id: string;
  name: string;
  description: string;
  projectRole: ProjectRole | null;
  reviewMode: ReviewMode | null;
  documents: number;
} & ProjectVerdictMix;

/**
 * The projects a reader belongs to, with their progress, in one query; for an instance admin every other
 * project too, marked as admin view (after their own). The counts are split by review mode so that the blind
 * rule decides, per mode, whether the reader sees the verdict mix. The counts are the document list's
 * (lib/documents/claim-progress-sql.ts).
 */
export async function listProjects(options: { reader: Reader }): Promise<ProjectListItem[]> {
  const { reader } = options;
  // The plan's cost (an index probe per claim) passes PostgreSQL's JIT threshold, and compiling the plan takes
  // longer than running it; SET LOCAL turns JIT off for this one transaction.
  const rows = await transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<ProjectRow[]>`
    SELECT p.id::text AS id, p.name, p.description, m.role::text AS "projectRole",
      d."reviewMode"::text AS "reviewMode",
      count(DISTINCT d.id)::int AS documents,
      ${CLAIM_PROGRESS_COLUMNS}
    FROM "Project" p
    LEFT JOIN "ProjectMember" m ON m."projectId" = p.id AND m."userId" = ${reader.id}::uuid
    LEFT JOIN "Document" d ON d."projectId" = p.id AND d."deletedAt" IS NULL
    ${CLAIMS_WITH_VERDICT_COUNTS}
    WHERE m."userId" IS NOT NULL OR ${reader.role === 'ADMIN'}
    GROUP BY p.id, m.role, m."userId", d."reviewMode"
    ORDER BY m."userId" IS NULL, p.name, p.id`;
  });

  const projects = new Map<string, ProjectListItem>();
  for (const row of rows) {
    let project = projects.get(row.id);
    if (!project) {
      project = {
        id: row.id,
        name: row.name,
        description: row.description,
        projectRole: row.projectRole,
        adminView: row.projectRole === null,
        documents: 0,
        total: 0,
        reviewed: 0,
        verdictMix: null,
        blindDocuments: 0,
      };
      projects.set(row.id, project);
    }
    if (row.reviewMode === null) continue;
    project.documents += row.documents;
    project.total += row.total;
    project.reviewed += row.reviewed;
    if (summaryClosedTo({ reviewMode: row.reviewMode, role: roleInProject(row.projectRole) })) {
      project.blindDocuments += row.documents;
      continue;
    }
    project.verdictMix ??= emptyMix();
    const mix = project.verdictMix;
    for (const key of Object.keys(mix) as Array<keyof ProjectVerdictMix>) mix[key] += row[key];
  }
  // A project with no documents has nothing blind about it: an empty mix, not a closed one.
  for (const project of projects.values()) {
    if (project.documents === 0) project.verdictMix = emptyMix();
  }
  return [...projects.values()];
}

function emptyMix(): ProjectVerdictMix {
  return { total: 0, reviewed: 0, supported: 0, speculative: 0, unsupported: 0, inReview: 0, conflicts: 0 };
}
