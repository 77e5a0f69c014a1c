import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { ProjectRole } from '@/lib/projects/project-access';

export type DocumentAssignment = {
  id: string;
  reviewerId: string;
  reviewerName: string;
  fromNumber: number | null;
  toNumber: number | null;
  reviewed: number;
  total: number;
};

export type AssignableReviewer = { id: string; name: string; role: ProjectRole };

/**
 * What a lead sees of a document's assignments: each one with its reviewer and progress, the members who can be
 * assigned (leads and reviewers of the project, active), and the span of claim numbers a range can take. The
 * caller has checked that the reader leads the project.
 */
export async function listDocumentAssignments(options: { documentId: string }): Promise<{
  assignments: DocumentAssignment[];
  assignable: AssignableReviewer[];
  numbers: { lowest: number; highest: number } | null;
}> {
  const documentId = requireId(options.documentId, 'The document');
  const [assignments, assignable, [span]] = await Promise.all([
    prisma.$queryRaw<DocumentAssignment[]>`
      SELECT a.id::text AS id, u.id::text AS "reviewerId", u.name AS "reviewerName",
        a."fromNumber", a."toNumber",
        count(c.id) FILTER (WHERE s.verdict IS NOT NULL)::int AS reviewed,
        count(c.id)::int AS total
      FROM "Assignment" a
      JOIN "User" u ON u.id = a."reviewerId"
      LEFT JOIN "Claim" c ON c."documentId" = a."documentId" AND c."deletedAt" IS NULL
        AND (a."fromNumber" IS NULL OR c.number BETWEEN a."fromNumber" AND a."toNumber")
      LEFT JOIN "Assessment" s ON s."claimId" = c.id AND s."reviewerId" = a."reviewerId"
      WHERE a."documentId" = ${documentId}::uuid
      GROUP BY a.id, u.id
      ORDER BY u.name, a."fromNumber" NULLS FIRST, a.id`,
    prisma.$queryRaw<AssignableReviewer[]>`
      SELECT u.id::text AS id, u.name, m.role::text AS role
      FROM "Document" d
      JOIN "ProjectMember" m ON m."projectId" = d."projectId" AND m.role <> 'VIEWER'
      JOIN "User" u ON u.id = m."userId" AND u."deactivatedAt" IS NULL
      WHERE d.id = ${documentId}::uuid
      ORDER BY u.name, u.id`,
    prisma.$queryRaw<{ lowest: number | null; highest: number | null }[]>`
      SELECT min(number) AS lowest, max(number) AS highest
      FROM "Claim" WHERE "documentId" = ${documentId}::uuid AND "deletedAt" IS NULL`,
  ]);
  const numbers =
    span && span.lowest !== null && span.highest !== null
      ? { lowest: span.lowest, highest: span.highest }
      : null;
  return { assignments, assignable, numbers };
}
