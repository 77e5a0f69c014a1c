'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/sign-out';

// Signing out deletes the session row on the server, so the old cookie is worthless even if it was copied.
// Next.js refuses a Server Action from another origin; Better Auth's nextCookies plugin expires the cookie.
export async function signOutAction(): Promise<void> {
  await signOut({ headers: await headers() });
  redirect('/login');
}
