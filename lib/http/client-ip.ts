// The client's address, for the per-address sign-in limit. It must be one the client cannot choose:
// - under `npm start`, the app's own server (lib/cli/serve-app.ts) writes it into CLIENT_IP_HEADER before
//   Next.js sees the request, replacing whatever a client sent there, and says so through SERVER_SETS_CLIENT_IP;
// - otherwise (`next start`, `next dev`), only with TRUST_PROXY=1: the last X-Forwarded-For entry, the one the
//   trusted proxy appended (entries before it are the client's own words);
// - otherwise the address is not known, and every such request shares one address, so the limit still holds.
export const CLIENT_IP_HEADER = 'x-evidence-review-client-ip';
export const SERVER_SETS_CLIENT_IP = 'EVIDENCE_REVIEW_SERVER_SETS_CLIENT_IP';

export function clientIp(headers: Headers): string {
  if (process.env[SERVER_SETS_CLIENT_IP] === '1') return headers.get(CLIENT_IP_HEADER) ?? 'unknown';
  if (process.env.TRUST_PROXY === '1') return lastForwardedFor(headers.get('x-forwarded-for')) ?? 'unknown';
  return 'unknown';
}

/** What serve-app writes into CLIENT_IP_HEADER. */
export function resolveClientIp(options: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustProxy: boolean;
}): string {
  if (options.trustProxy) {
    const header = Array.isArray(options.forwardedFor)
      ? options.forwardedFor.join(',')
      : options.forwardedFor;
    const last = lastForwardedFor(header ?? null);
    if (last) return last;
  }
  return options.socketAddress ?? 'unknown';
}

function lastForwardedFor(header: string | null): string | undefined {
  return header?.split(',').at(-1)?.trim() || undefined;
}
