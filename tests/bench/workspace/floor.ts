// For scale, not a target: the least any request through the app's stack costs. A claim's panel asked for with
// no session is answered 401 by the route handler's first line (the proxy, Next's routing and the handler, but
// no database query and no rendering). Set beside the baseline's whole save, it shows how much of the save
// target Next itself takes before the save does any work.
import { percentile, runLoad } from './load';
import { CONCURRENCY, SAVES } from './measure';

export type Floor = { p50: number; p95: number; concurrentP50: number; concurrentP95: number };

export async function measureFloor(appUrl: string, claimId: string): Promise<Floor> {
  const load = (concurrency: number) =>
    runLoad({
      base: appUrl,
      total: SAVES,
      concurrency,
      make: () => ({ method: 'GET', path: `/api/claims/${claimId}` }),
      check: (reply) => {
        if (reply.status !== 401) throw new Error(`The floor request got ${reply.status}, not 401.`);
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
