// For scale, not a target: the least a save through the app's stack costs. The same request as a save, sent
// without the session cookie, is refused by the endpoint's first check: the server's routing, the request's
// reading and the reply, but no database query. Set beside the baseline's whole save, it shows how much of the
// save target the app's plumbing takes before the save does any work.
import { percentile, type Request, runLoad } from './load';
import { CONCURRENCY, SAVES, type Target } from './measure';

export type Floor = { p50: number; p95: number; concurrentP50: number; concurrentP95: number };

export async function measureFloor(target: Target, documentId: string, claimId: string): Promise<Floor> {
  const load = (concurrency: number) =>
    runLoad({
      base: target.url,
      total: SAVES,
      concurrency,
      make: () =>
        withoutCookie(
          target.save({
            documentId,
            claimId,
            verdict: 'SUPPORTED',
            evidenceLevel: null,
            certainty: null,
            downgradeReasons: [],
            rationale: null,
            version: 0,
          }),
        ),
      check: (reply) => {
        const result = target.result(reply) as { ok?: boolean; code?: string } | undefined;
        if (result?.ok !== false || result.code !== 'UNAUTHENTICATED') {
          throw new Error(
            `The floor request was not refused for want of a session: ${reply.body.slice(0, 200)}`,
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

function withoutCookie(request: Request): Request {
  const { Cookie: _, ...headers } = request.headers ?? {};
  return { ...request, headers };
}
