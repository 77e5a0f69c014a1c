import { sessionSignature } from '@/lib/auth/session-cookie';

/** Better Auth's session cookie on plain http, as the app sets it at sign-in. */
export const SESSION_COOKIE = 'better-auth.session_token';

/** The Cookie header a browser sends for this session token, signed with the app's secret. */
export function sessionCookie(token: string, secret: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${sessionSignature(token, secret)}`)}`;
}
