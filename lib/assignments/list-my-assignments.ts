import { prisma } from '@/lib/db/prisma';
import type { Reader } from '@/lib/projects/project-access';

export type MyAssignment = {
  id: string;
  documentId: string;
  documentTitle: string;
  projectName: string;
  fromNumber: number | null;
  toNumber: number | null;
  /** Live claims in the range that the reviewer has given a verdict. */
  reviewed: number;
  /** Live claims in the range. */
  total: number;
};

/**
 * The reader's assignments, newest first, each with its progress, in one query. An assignment shows only while
 * the reader may still review there (a lead or reviewer of the project), and never for a deleted document.
 * `documentId` narrows it to one document, for the workspace.
 */
export async function listMyAssignments(options: {
  reader: Reader;
  documentId?: string;
}): Promise<MyAssignment[]> {
  const { reader } = options;
  const documentId = options.documentId ?? null;
  return prisma.$queryRaw<MyAssignment[]>`
    SELECT a.id::text AS id, d.id::text AS "documentId", d.title AS "documentTitle", p.name AS "projectName",
      a."fromNumber", a."toNumber",
      count(c.id) FILTER (WHERE s.verdict IS NOT NULL)::int AS reviewed,
      count(c.id)::int AS total
    FROM "Assignment" a
    JOIN "Document" d ON d.id = a."documentId" AND d."deletedAt" IS NULL
    JOIN "Project" p ON p.id = d."projectId"
    JOIN "ProjectMember" m ON m."projectId" = p.id AND m."userId" = a."reviewerId" AND m.role <> 'VIEWER'
    LEFT JOIN "Claim" c ON c."documentId" = d.id AND c."deletedAt" IS NULL
      AND (a."fromNumber" IS NULL OR c.number BETWEEN a."fromNumber" AND a."toNumber")
    LEFT JOIN "Assessment" s ON s."claimId" = c.id AND s."reviewerId" = a."reviewerId"
    WHERE a."reviewerId" = ${reader.id}::uuid
      AND (${documentId}::uuid IS NULL OR a."documentId" = ${documentId}::uuid)
    GROUP BY a.id, d.id, p.id
    ORDER BY a."createdAt" DESC, a.id DESC`;
}
