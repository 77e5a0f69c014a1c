// For scale, not a target: the least a save costs each server. The same request as a save, sent without the
// session cookie, is refused with 401 by the save's first check: the routing, the request's headers, and the
// JSON reply, but no body read and no query. The app's floor beside the baseline's shows what Next.js's routing
// alone adds to every save; beside the baseline's whole save, how much of the save target that already takes.
import { percentile, runLoad } from './load';
import { CONCURRENCY, SAVES, saveRequest, saveResult, type Target } from './measure';

export type Floor = { p50: number; p95: number; concurrentP50: number; concurrentP95: number };

export async function measureFloor(target: Target, claimId: string): Promise<Floor> {
  const load = (concurrency: number) =>
    runLoad({
      base: target.url,
      total: SAVES,
      concurrency,
      make: () =>
        saveRequest(target.url, null, {
          claimId,
          verdict: 'SUPPORTED',
          evidenceLevel: null,
          certainty: null,
          downgradeReasons: [],
          rationale: null,
          version: 0,
        }),
      check: (reply) => {
        if (reply.status !== 401 || saveResult(reply).code !== 'UNAUTHENTICATED') {
          throw new Error(
            `${target.name}: a save without a session was not refused with 401: ${reply.status} ${reply.body.slice(0, 200)}`,
          );
        }
      },
    });
  await load(1);
  const sequential = await load(1);
  const concurrent = await load(CONCURRENCY);
  return {
    p50: percentile(sequential.latencies, 50),
    p95: percentile(sequential.latencies, 95),
    concurrentP50: percentile(concurrent.latencies, 50),
    concurrentP95: percentile(concurrent.latencies, 95),
  };
}
