import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getSessionUser } from './guard';
import { can, type Permission } from './permissions';

/** For pages: a signed-out visitor goes to /login and comes back here after signing in. */
export async function requirePageUser(permission: Permission) {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get('x-pathname') ?? '/';
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  // The page exists, so "not found" would mislead: a 403, and the forbidden.tsx beside the page says what the
  // role lacks. There is no app-wide one: Next.js would send it with every page.
  if (!can(user.role, permission)) forbidden();
  return user;
}
