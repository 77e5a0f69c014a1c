import crypto from 'node:crypto';

// Better Auth's session cookie: `<token>.<base64 HMAC-SHA256 of the token>`, URL-encoded, and prefixed with
// __Secure- when the app runs on https.
export const SESSION_COOKIE = 'better-auth.session_token';
const NAMES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`];

/** The session token from a Cookie header, when its signature is right for this secret; otherwise null. */
export function verifiedSessionToken(cookieHeader: string | null | undefined, secret: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || !NAMES.includes(part.slice(0, eq).trim())) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
    const dot = value.lastIndexOf('.');
    if (dot < 1) return null;
    const token = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(sessionSignature(token, secret));
    return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? token : null;
  }
  return null;
}

export function sessionSignature(token: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(token).digest('base64');
}
