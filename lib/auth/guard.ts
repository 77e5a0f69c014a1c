import { headers } from 'next/headers';
import { cache } from 'react';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { can, type Permission, type Role } from './permissions';
import { SESSION_ABSOLUTE_SECONDS } from './session-policy';

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/**
 * The signed-in user behind this request, or null: no session, an expired one, or a deactivated account.
 * Cached per request: the layout and the page both ask, and one lookup answers both.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const requestHeaders = await headers();
  const result = await getAuth().api.getSession({ headers: requestHeaders });
  if (!result) return null;
  const age = (Date.now() - new Date(result.session.createdAt).getTime()) / 1000;
  if (age > SESSION_ABSOLUTE_SECONDS) {
    await prisma.session.deleteMany({ where: { id: result.session.id } });
    return null;
  }
  const user = await prisma.user.findUnique({
    where: { id: result.user.id },
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

/**
 * The check every Server Action and route handler makes first: signed in (401 otherwise) and allowed
 * (403 otherwise).
 */
export async function requireUser(permission: Permission): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (!can(user.role, permission)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this. Ask an admin if you need it.');
  }
  return user;
}
