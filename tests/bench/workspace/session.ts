// The session check as the app makes it (lib/auth/guard.ts), for the baseline: the signed
import crypto from 'node:crypto';
// `better-auth.session_token` cookie is verified, then the session and its user are read in one query.
import type pg from 'pg';
import type { Role } from '@/lib/auth/permissions';
import type { SessionRow } from '@/lib/auth/read-session';
import { verifiedSessionToken } from '@/lib/auth/session-cookie';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from '@/lib/auth/session-policy';
import { uuid7 } from '@/lib/db/uuid7';
import { sessionCookie } from '@/tests/support/session-cookie';

const READ_SESSION_SQL = `
  SELECT s.id::text AS "sessionId", s."createdAt", s."expiresAt", u.id::text AS "userId", u.name, u.email,
    u.role::text AS role, u."deactivatedAt"
  FROM "Session" s JOIN "User" u ON u.id = s."userId"
  WHERE s.token = $1`;

export type SessionUser = { id: string; name: string; email: string; role: Role };

/** The signed-in user behind a request's cookies, or null, after the same three reads the app makes. */
export async function sessionUser(
  pool: pg.Pool,
  cookieHeader: string | undefined,
  secret: string,
): Promise<SessionUser | null> {
  const token = verifiedSessionToken(cookieHeader, secret);
  if (!token) return null;
  const row = (await pool.query<SessionRow>(READ_SESSION_SQL, [token])).rows[0];
  const now = Date.now();
  if (!row || row.expiresAt.getTime() <= now) return null;
  if (now - row.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000) return null;
  if (row.deactivatedAt) return null;
  return { id: row.userId, name: row.name, email: row.email, role: row.role };
}

/** A session made directly in the database, for --baseline-only runs where there is no app to sign in to. */
export async function createSession(client: pg.ClientBase, userId: string, secret: string) {
  const token = crypto.randomBytes(24).toString('base64url');
  await client.query(
    `INSERT INTO "Session" (id, token, "userId", "expiresAt", "ipAddress", "userAgent", "updatedAt")
     VALUES ($1, $2, $3, now() + make_interval(secs => $4), '127.0.0.1', 'workspace bench', now())`,
    [uuid7(), token, userId, SESSION_IDLE_SECONDS],
  );
  return sessionCookie(token, secret);
}
