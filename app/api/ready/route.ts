import { checkReadiness } from '@/lib/db/check-readiness';
import { isDraining } from '@/lib/http/draining';
import { listenerStatus, openStreams } from '@/lib/live/review-changes';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for a load balancer: 200 when this instance can serve (its database answers and has every migration
 * this build ships, and its listener for live updates is not reconnecting), 503 with what is missing otherwise,
 * and 503 "draining" once it is stopping. GET /api/health stays liveness: whether the process answers at all.
 */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  if (isDraining()) return Response.json({ status: 'draining' }, { status: 503, headers });
  const readiness = await checkReadiness();
  // "idle": no workspace has asked for live updates yet, so the listener has not needed to connect.
  const listener = listenerStatus();
  const ready = readiness.database === 'ok' && readiness.migrations === 'ok' && listener !== 'reconnecting';
  return Response.json(
    { status: ready ? 'ready' : 'not ready', ...readiness, listener, streams: openStreams() },
    { status: ready ? 200 : 503, headers },
  );
}
