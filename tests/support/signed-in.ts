import crypto from 'node:crypto';
import { getAuth } from '@/lib/auth/auth';
import type { Role } from '@/lib/auth/permissions';
import { SESSION_IDLE_SECONDS } from '@/lib/auth/session-policy';
import { prisma } from '@/lib/db/prisma';
import { createUser } from './fixtures';
import { sessionCookie } from './session-cookie';

/**
 * A new user of this role with a live session, and the Cookie header that carries it, as after a sign-in: for
 * calling route handlers with a real Request, so the real guard reads a real session.
 */
export async function signedIn(role: Role, options: { project?: string | null } = {}) {
  const user = await createUser(role, options);
  const token = crypto.randomBytes(24).toString('base64url');
  await prisma.session.create({
    data: { token, userId: user.id, expiresAt: new Date(Date.now() + SESSION_IDLE_SECONDS * 1000) },
  });
  const { secret } = await getAuth().$context;
  return { user, cookie: sessionCookie(token, secret) };
}
