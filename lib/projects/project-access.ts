// Membership decides access, in one place (ADR 0018). Every document, claim, comment and citation belongs to a
// project; a user who is not a member of it is told it was not found, so nothing says it exists. Requests that
// name one are resolved here before any use case runs (lib/auth/guard.ts), and lists are filtered with
// readableDocuments. An instance admin who is not a member still sees a project, read-only and audited, to
// administer it.
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { can, INSTANCE_PERMISSIONS, type Permission, type Role } from '@/lib/auth/permissions';
import { Prisma, prisma, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import { listImportProjects } from './list-import-projects';

export const PROJECT_ROLES = ['LEAD', 'REVIEWER', 'VIEWER'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const PROJECT_ROLE_LABEL: Record<ProjectRole, string> = {
  LEAD: 'Lead',
  REVIEWER: 'Reviewer',
  VIEWER: 'Viewer',
};

/**
 * What a member may do inside their project is what the instance role of the same rank allowed before projects:
 * a lead runs the review (adjudication, review mode, the project's members and settings) as an admin did. The use
 * cases and the blind rule (lib/visibility.ts) so keep one vocabulary of roles.
 */
const ROLE_IN_PROJECT: Record<ProjectRole, Role> = { LEAD: 'ADMIN', REVIEWER: 'REVIEWER', VIEWER: 'VIEWER' };

/** The role the use cases apply for a member of this project role; null: an admin's read-only view. */
export function roleInProject(projectRole: ProjectRole | null): Role {
  return projectRole ? ROLE_IN_PROJECT[projectRole] : 'VIEWER';
}

export type ProjectAccess = {
  projectId: string;
  projectName: string;
  /** The member's project role; null for an instance admin who is not a member. */
  projectRole: ProjectRole | null;
  /** The role the use cases apply in this project. */
  role: Role;
  /** Leads, and the members a lead named. */
  mayAdjudicate: boolean;
  /** An instance admin looking at a project they are not a member of: read-only, and audited. */
  adminView: boolean;
};

export type Reader = { id: string; role: Role };

/** Whether this access allows a project permission. */
export function allows(access: ProjectAccess, permission: Permission): boolean {
  if (permission === 'claim.adjudicate') return access.mayAdjudicate;
  // An instance admin administers any project (its members and settings), but reviews only as a member.
  if (permission === 'project.manage' && access.adminView) return true;
  return can(access.role, permission);
}

/** What the rows a request names, from the most specific up; at least the document or one row under it. */
export type Scope = {
  /** Named beside a document or a row under one, it must be that document's project (404 otherwise). */
  projectId?: string | null;
  documentId?: string | null;
  claimId?: string | null;
  commentId?: string | null;
  citationId?: string | null;
};

type AccessRow = {
  documentId: string;
  projectId: string;
  projectName: string;
  projectRole: ProjectRole | null;
  mayAdjudicate: boolean | null;
  rowsInDocument: boolean;
};

/**
 * The caller's access to the document a request names, checked in this order: the document (or the row that
 * leads to it) exists and the caller is a member (404 otherwise, never 403), the caller's project role allows the
 * permission (403), and every other row named belongs to that same document (404). So a member may not reach a
 * claim of another project by naming it beside a document of their own.
 */
export async function documentAccess(
  options: Scope & { reader: Reader; permission: Permission; recordAdminView?: boolean },
): Promise<ProjectAccess & { documentId: string }> {
  const { reader, permission } = options;
  const ids = {
    documentId: options.documentId ? requireId(options.documentId, 'The document') : null,
    claimId: options.claimId ? requireId(options.claimId, 'The claim') : null,
    commentId: options.commentId ? requireId(options.commentId, 'The comment') : null,
    citationId: options.citationId ? requireId(options.citationId, 'The citation') : null,
  };
  const [row] = await prisma.$queryRaw<AccessRow[]>`
    WITH named AS (
      SELECT (SELECT "documentId" FROM "Claim" WHERE id = ${ids.claimId}::uuid) AS claim_doc,
        (SELECT c."documentId" FROM "Comment" k JOIN "Claim" c ON c.id = k."claimId"
          WHERE k.id = ${ids.commentId}::uuid AND k."deletedAt" IS NULL) AS comment_doc,
        (SELECT c."documentId" FROM "Citation" t JOIN "Claim" c ON c.id = t."claimId"
          WHERE t.id = ${ids.citationId}::uuid AND t."deletedAt" IS NULL) AS citation_doc
    )
    SELECT d.id::text AS "documentId", p.id::text AS "projectId", p.name AS "projectName",
      m.role::text AS "projectRole", m."mayAdjudicate",
      (${ids.claimId}::uuid IS NULL OR n.claim_doc IS NOT DISTINCT FROM d.id)
        AND (${ids.commentId}::uuid IS NULL OR n.comment_doc IS NOT DISTINCT FROM d.id)
        AND (${ids.citationId}::uuid IS NULL OR n.citation_doc IS NOT DISTINCT FROM d.id) AS "rowsInDocument"
    FROM named n
    JOIN "Document" d ON d.id = COALESCE(${ids.documentId}::uuid, n.claim_doc, n.comment_doc, n.citation_doc)
    JOIN "Project" p ON p.id = d."projectId"
    LEFT JOIN "ProjectMember" m ON m."projectId" = p.id AND m."userId" = ${reader.id}::uuid
    WHERE d."deletedAt" IS NULL`;
  // "Not found" names the row the caller asked for: the document, or else the row they named under it.
  const [first, under] = [
    namedRow(ids, ['documentId', 'claimId', 'commentId', 'citationId']),
    namedRow(ids, ['claimId', 'commentId', 'citationId', 'documentId']),
  ];
  if (!row) throw notFound(first);
  const access = accessOf(row, reader);
  if (!access) throw notFound(first);
  if (!allows(access, permission)) throw refusal(access, permission);
  if (!row.rowsInDocument || (options.projectId && options.projectId.toLowerCase() !== row.projectId)) {
    throw notFound(under);
  }
  if (access.adminView && options.recordAdminView) await recordAdminView(reader.id, access, row.documentId);
  return { ...access, documentId: row.documentId };
}

const ROW_NAMES = {
  documentId: 'The document',
  claimId: 'The claim',
  commentId: 'The comment',
  citationId: 'The citation',
} as const;

function namedRow(ids: Record<keyof typeof ROW_NAMES, string | null>, order: Array<keyof typeof ROW_NAMES>) {
  return ROW_NAMES[order.find((key) => ids[key]) ?? 'documentId'];
}

/** The caller's access to a project itself (its page, members, settings and documents list). */
export async function projectAccess(options: {
  projectId: string;
  reader: Reader;
  permission: Permission;
  recordAdminView?: boolean;
}): Promise<ProjectAccess> {
  const projectId = requireId(options.projectId, 'The project');
  const [row] = await prisma.$queryRaw<Omit<AccessRow, 'documentId' | 'rowsInDocument'>[]>`
    SELECT p.id::text AS "projectId", p.name AS "projectName", m.role::text AS "projectRole", m."mayAdjudicate"
    FROM "Project" p
    LEFT JOIN "ProjectMember" m ON m."projectId" = p.id AND m."userId" = ${options.reader.id}::uuid
    WHERE p.id = ${projectId}::uuid`;
  const access = row ? accessOf(row, options.reader) : null;
  if (!access) throw notFound('The project');
  if (!allows(access, options.permission)) throw refusal(access, options.permission);
  if (access.adminView && options.recordAdminView) await recordAdminView(options.reader.id, access, null);
  return access;
}

/**
 * The access a user's membership row (or its absence) gives them in a project: their project role's, an instance
 * admin's read-only view, or none.
 */
export function accessOf(
  row: Pick<AccessRow, 'projectId' | 'projectName' | 'projectRole' | 'mayAdjudicate'>,
  reader: Reader,
): ProjectAccess | null {
  const base = { projectId: row.projectId, projectName: row.projectName };
  if (row.projectRole) {
    return {
      ...base,
      projectRole: row.projectRole,
      role: ROLE_IN_PROJECT[row.projectRole],
      mayAdjudicate: row.projectRole === 'LEAD' || row.mayAdjudicate === true,
      adminView: false,
    };
  }
  if (reader.role !== 'ADMIN') return null;
  return { ...base, projectRole: null, role: 'VIEWER', mayAdjudicate: false, adminView: true };
}

function refusal(access: ProjectAccess, permission: Permission): AppError {
  if (INSTANCE_PERMISSIONS.includes(permission)) {
    return new AppError('FORBIDDEN', 'Your role does not allow this. Ask an admin if you need it.');
  }
  return new AppError(
    'FORBIDDEN',
    access.adminView
      ? `You see "${access.projectName}" as an instance admin. Only its members review; a lead can add you.`
      : 'Your role in this project does not allow this. Ask the project lead if you need it.',
  );
}

async function recordAdminView(actorId: string, access: ProjectAccess, documentId: string | null) {
  await transaction((tx) =>
    writeAuditEvent(tx, {
      actorId,
      action: 'project.admin-viewed',
      entityType: 'Project',
      entityId: access.projectId,
      documentId,
      after: { project: access.projectName },
    }),
  );
}

/**
 * The documents a reader may see, as a condition on the table aliased `d`: those of their projects, or every
 * project's for an instance admin. For lists; a single document goes through documentAccess.
 */
export function readableDocuments(reader: Reader): Prisma.Sql {
  if (reader.role === 'ADMIN') return Prisma.sql`true`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ProjectMember" m
    WHERE m."projectId" = d."projectId" AND m."userId" = ${reader.id}::uuid)`;
}

/**
 * The project a reader's import goes to when none is named (today's `POST /api/documents`): the first one they
 * lead or review, by when they joined.
 */
export async function defaultImportProject(reader: Reader): Promise<string> {
  const [first] = await listImportProjects(reader.id);
  if (!first) {
    throw new AppError(
      'FORBIDDEN',
      'You are not a lead or reviewer in any project, so there is nowhere to import to. Ask a project lead to add you.',
    );
  }
  return first.id;
}
