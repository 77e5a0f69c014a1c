// The baseline's session check. Better Auth signs in and owns the sessions; its cookie holds
// `<token>.<signature>`, the signature being the base64 HMAC-SHA256 of the token under the auth secret. The
// baseline checks the signature, then reads the session and its user in one query.
import crypto from 'node:crypto';
import type pg from 'pg';

export const SESSION_COOKIE = 'better-auth.session_token';
/** However active, a session ends a week after sign-in. */
const MAX_SESSION_AGE_MS = 7 * 24 * 3600 * 1000;

export type Viewer = { id: string; name: string; role: 'ADMIN' | 'REVIEWER' | 'VIEWER' };

const sign = (token: string, secret: string) =>
  crypto.createHmac('sha256', secret).update(token).digest('base64');

/** The Cookie header value a browser sends for this session token. */
export function sessionCookieFor(token: string, secret: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${sign(token, secret)}`)}`;
}

function tokenOf(cookieHeader: string | undefined, secret: string): string | null {
  const cookie = cookieHeader
    ?.split(/;\s*/)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`) || c.startsWith(`__Secure-${SESSION_COOKIE}=`));
  if (!cookie) return null;
  let signed: string;
  try {
    signed = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  } catch {
    return null;
  }
  const [token, signature] = [
    signed.slice(0, signed.lastIndexOf('.')),
    signed.slice(signed.lastIndexOf('.') + 1),
  ];
  if (!token) return null;
  const expected = Buffer.from(sign(token, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? token : null;
}

/** Who is signed in behind this Cookie header, or null: no valid cookie, an expired session, a deactivated user. */
export async function viewerOf(pool: pg.Pool, cookieHeader: string | undefined, secret: string) {
  const token = tokenOf(cookieHeader, secret);
  if (!token) return null;
  const { rows } = await pool.query<Viewer & { expiresAt: Date; signedInAt: Date; active: boolean }>(
    `SELECT u.id, u.name, u.role, s."expiresAt", s."createdAt" AS "signedInAt", u."deactivatedAt" IS NULL AS active
     FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.token = $1`,
    [token],
  );
  const found = rows[0];
  const now = Date.now();
  if (!found?.active || found.expiresAt.getTime() <= now) return null;
  if (now - found.signedInAt.getTime() > MAX_SESSION_AGE_MS) return null;
  return { id: found.id, name: found.name, role: found.role } satisfies Viewer;
}
