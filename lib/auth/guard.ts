import { headers } from 'next/headers';
import { cache } from 'react';
import type { Permission } from './permissions';
import { type CurrentUser, requireAllowed, sessionUserOf } from './session-user-of';

export type { CurrentUser };

/**
 * The signed-in user behind the request being rendered or the Server Action being run, or null. Cached per
 * request: the layout and the page both ask, and one lookup answers both.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => sessionUserOf(await headers()));

/**
 * The check every Server Action and route handler makes first: signed in (401 otherwise) and allowed
 * (403 otherwise). A route handler passes its request, whose cookie it reads; a page or an action has Next's
 * request headers instead.
 */
export async function requireUser(permission: Permission, request?: Request): Promise<CurrentUser> {
  const user = request ? await sessionUserOf(request.headers) : await getSessionUser();
  return requireAllowed(user, permission);
}
