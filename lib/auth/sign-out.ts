import { getAuth } from './auth';

/**
 * Ends the session that the request's cookie names: deletes its row, so the cookie is worthless even if it was
 * copied, and returns the headers that expire the cookie. Callers refuse cross-site requests first
 * (lib/http/assert-same-origin.ts): Better Auth's own Origin check, which its HTTP handler applies, would also
 * refuse a script, which sends no Origin at all.
 */
export async function signOut(options: { headers: Headers }): Promise<Headers> {
  const { headers } = await getAuth().api.signOut({ headers: options.headers, returnHeaders: true });
  return headers;
}
