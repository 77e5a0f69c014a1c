import { SESSION_COOKIE, sessionSignature } from '@/lib/auth/session-cookie';

/** The Cookie header a browser sends for this session token, signed with the app's secret. */
export function sessionCookie(token: string, secret: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${sessionSignature(token, secret)}`)}`;
}
