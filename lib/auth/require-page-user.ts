import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/errors';
import { getSessionUser, type ProjectScope, requireProjectUser, type ScopedUser } from './guard';
import { can, type InstancePermission, type Permission } from './permissions';

async function signedInOrToLogin() {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get('x-pathname') ?? '/';
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  return user;
}

/**
 * For pages: a signed-out visitor goes to /login and comes back here after signing in. With an instance
 * permission, a role without it gets a 403.
 */
export async function requirePageUser(permission?: InstancePermission) {
  const user = await signedInOrToLogin();
  // The page exists, so "not found" would mislead: a 403, and the forbidden.tsx beside the page says what the
  // role lacks. There is no app-wide one: Next.js would send it with every page.
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}

/**
 * For the pages of a project or a document in one: a non-member gets the not-found page (nothing says it
 * exists), a member whose project role does not allow the page a 403. An instance admin's look at a project they
 * are not in is recorded in the audit log.
 */
export async function requireProjectPageUser(
  permission: Permission,
  scope: ProjectScope,
): Promise<ScopedUser> {
  await signedInOrToLogin();
  try {
    return await projectPageAccess(permission, JSON.stringify(scope));
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    if (e instanceof AppError && e.code === 'FORBIDDEN') forbidden();
    throw e;
  }
}

// Once per request: a segment's layout checks before the page streams, so that a non-member gets a real 404
// status, and the page below asks again for the access it needs (one query, one admin-view audit event). The
// scope is a string so that the cache can match it.
const projectPageAccess = cache(
  (permission: Permission, scope: string): Promise<ScopedUser> =>
    requireProjectUser(permission, JSON.parse(scope) as ProjectScope, { recordAdminView: true }),
);
