import { readEnv } from '@/lib/env';

/**
 * The address people use to reach the app, for links in exports: APP_URL when set, otherwise the Host the
 * request came to (the server's own bind address, such as 0.0.0.0, is never one people can open; the request's
 * URL serves only when there is no Host header, as in tests). A proxy's
 * X-Forwarded-Proto counts only when TRUST_PROXY=1 says a proxy sets it.
 */
export function appUrlFrom(requestHeaders: Headers, requestUrl?: string): string {
  const { APP_URL, TRUST_PROXY } = readEnv();
  if (APP_URL) return APP_URL.replace(/\/+$/, '');
  const forwarded = TRUST_PROXY === '1' ? requestHeaders.get('x-forwarded-proto') : null;
  const proto = forwarded === 'https' ? 'https' : 'http';
  const host = requestHeaders.get('host') ?? (requestUrl ? new URL(requestUrl).host : 'localhost');
  return `${proto}://${host}`;
}
