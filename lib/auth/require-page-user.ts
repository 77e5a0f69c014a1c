import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getSessionUser } from './guard';
import { can, type Permission } from './permissions';

/** For pages: a signed-out visitor goes to /login and comes back here after signing in. */
export async function requirePageUser(permission: Permission) {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get('x-pathname') ?? '/';
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  // A page the role may not use does not exist for them.
  if (!can(user.role, permission)) notFound();
  return user;
}
