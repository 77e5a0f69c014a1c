// The client's address, decided by our own server (lib/cli/serve-app.ts) before Next.js sees the request:
// the socket address, or the first X-Forwarded-For entry when TRUST_PROXY=1 says a proxy sets it. Whatever a
// client sends in this header is replaced, so nobody can pick their own address to dodge a rate limit.
export const CLIENT_IP_HEADER = 'x-evidence-review-client-ip';

export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}

/** What serve-app writes into CLIENT_IP_HEADER. */
export function resolveClientIp(options: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustProxy: boolean;
}): string {
  if (options.trustProxy) {
    const header = Array.isArray(options.forwardedFor) ? options.forwardedFor[0] : options.forwardedFor;
    const first = header?.split(',')[0]?.trim();
    if (first) return first;
  }
  return options.socketAddress ?? 'unknown';
}
