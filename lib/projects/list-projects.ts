import { prisma } from '@/lib/db/prisma';
import { addProgress, type ClaimProgress, claimProgressOf, NO_CLAIMS } from '@/lib/documents/claim-progress';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import { type ProjectRole, type Reader, roleInProject } from '@/lib/projects/project-access';
import { summaryClosedTo } from '@/lib/visibility';

/** Claims by consensus verdict and in conflict, over the documents whose verdict mix the reader may see. */
export type ProjectVerdictMix = ClaimProgress;

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

/** One row per project and document (one row with no document for a project without any). */
type ProjectRow = {
  id: string;
  name: string;
  description: string;
  projectRole: ProjectRole | null;
  reviewersRequired: number;
  documentId: string | null;
  reviewMode: ReviewMode | null;
  textVersion: number | null;
};

/**
 * The projects a reader belongs to, with their progress; for an instance admin every other project too, marked
 * as admin view (after their own). The counts are each document's (lib/documents/claim-progress.ts), the ones
 * the document list shows, added up by project; the blind rule decides per document whether the reader sees
 * its verdict mix.
 */
export async function listProjects(options: { reader: Reader }): Promise<ProjectListItem[]> {
  const { reader } = options;
  const rows = await prisma.$queryRaw<ProjectRow[]>`
    SELECT p.id::text AS id, p.name, p.description, m.role::text AS "projectRole", p."reviewersRequired",
      d.id::text AS "documentId", d."reviewMode"::text AS "reviewMode", d."textVersion"
    FROM "Project" p
    LEFT JOIN "ProjectMember" m ON m."projectId" = p.id AND m."userId" = ${reader.id}::uuid
    LEFT JOIN "Document" d ON d."projectId" = p.id AND d."deletedAt" IS NULL
    WHERE m."userId" IS NOT NULL OR ${reader.role === 'ADMIN'}
    ORDER BY m."userId" IS NULL, p.name, p.id`;
  const progress = await claimProgressOf(
    rows.flatMap((row) =>
      row.documentId === null || row.textVersion === null
        ? []
        : [{ id: row.documentId, textVersion: row.textVersion, reviewersRequired: row.reviewersRequired }],
    ),
  );

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
    if (row.documentId === null || row.reviewMode === null) continue;
    // Hidden or deleted between the two reads: left out, as a later look would leave it.
    const counts = progress.get(row.documentId);
    if (!counts) continue;
    project.documents += 1;
    project.total += counts.total;
    project.reviewed += counts.reviewed;
    if (summaryClosedTo({ reviewMode: row.reviewMode, role: roleInProject(row.projectRole) })) {
      project.blindDocuments += 1;
      continue;
    }
    project.verdictMix ??= { ...NO_CLAIMS };
    addProgress(project.verdictMix, counts);
  }
  // A project with no documents has nothing blind about it: an empty mix, not a closed one.
  for (const project of projects.values()) {
    if (project.documents === 0) project.verdictMix = { ...NO_CLAIMS };
  }
  return [...projects.values()];
}
