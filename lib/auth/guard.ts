import { headers } from 'next/headers';
import { cache } from 'react';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { documentAccess, type ProjectAccess, projectAccess, type Scope } from '@/lib/projects/project-access';
import { getAuth } from './auth';
import { can, type InstancePermission, type Permission, type Role } from './permissions';
import { readSession } from './read-session';
import { verifiedSessionToken } from './session-cookie';
import { sessionStanding } from './session-policy';

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/**
 * The signed-in user behind these request headers, or null: no session, an expired one, or a deactivated
 * account.
 *
 * Most requests are answered by one query of our own (the signed cookie checked here, then the session and its
 * user together); only when a session is due for its idle extension does Better Auth read it, and extend it.
 * Its nextCookies plugin then sends the extended cookie with whatever response Next.js makes.
 */
async function sessionUserOf(requestHeaders: Headers): Promise<CurrentUser | null> {
  const token = await sessionTokenOf(requestHeaders);
  if (!token) return null;
  const row = await readSession(token);
  if (!row) return null;
  const user = { id: row.userId, name: row.name, email: row.email, role: row.role };
  const standing = sessionStanding(row, Date.now());
  if (standing === 'ended') await prisma.session.deleteMany({ where: { id: row.sessionId } });
  if (standing === 'extend')
    return (await getAuth().api.getSession({ headers: requestHeaders })) ? user : null;
  return standing === 'valid' ? user : null;
}

/** The session token of these request headers' cookie, when its signature holds; otherwise null. */
export async function sessionTokenOf(requestHeaders: Headers): Promise<string | null> {
  const { secret } = await getAuth().$context;
  return verifiedSessionToken(requestHeaders.get('cookie'), secret);
}

/**
 * The signed-in user behind the request being rendered or the Server Action being run, or null. Cached per
 * request: the layout and the page both ask, and one lookup answers both.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => sessionUserOf(await headers()));

/**
 * The check every Server Action and route handler makes first: signed in (401 otherwise) and, for instance
 * administration, allowed by the instance role (403 otherwise). A route handler passes its request, whose cookie
 * it reads; a page or an action has Next's request headers instead.
 */
export async function requireUser(
  permission?: InstancePermission | null,
  request?: Request,
): Promise<CurrentUser> {
  const user = request ? await sessionUserOf(request.headers) : await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (permission && !can(user.role, permission)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this. Ask an admin if you need it.');
  }
  return user;
}

/** What a request inside a project names: a project, or a document or a row under one. */
export type ProjectScope = Scope;

export type ScopedUser = { user: CurrentUser; access: ProjectAccess };

/**
 * The check for everything inside a project: signed in (401), a member of the project of the rows named (404,
 * never 403, so a non-member learns nothing), allowed by their project role (403). The user comes back with the
 * role they have in that project, which is the one the use cases apply.
 */
export async function requireProjectUser(
  permission: Permission,
  scope: ProjectScope,
  options: {
    request?: Request;
    recordAdminView?: boolean;
    /** The signed-in user, when the caller checked the session already (requireUser). */
    user?: CurrentUser;
  } = {},
): Promise<ScopedUser> {
  const user = options.user ?? (await requireUser(null, options.request));
  const reader = { id: user.id, role: user.role };
  const { recordAdminView } = options;
  const access =
    scope.documentId || scope.claimId || scope.commentId || scope.citationId
      ? await documentAccess({ ...scope, reader, permission, recordAdminView })
      : scope.projectId
        ? await projectAccess({ projectId: scope.projectId, reader, permission, recordAdminView })
        : null;
  if (!access) throw new AppError('NOT_FOUND', 'Name the project or document this is for.');
  return { user: { ...user, role: access.role }, access };
}
