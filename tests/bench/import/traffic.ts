// The traffic around an import: reviewers reading pages in a loop, and a monitor polling /api/health. Both
// record every answer with the instant its request left, so a figure can be cut to the span of the import.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile, send } from '../workspace/load';

export type Answer = { at: number; ms: number; ok: boolean };

const FAILURE_PAUSE_MS = 100;

const during = (answers: Answer[], from: number, to: number) =>
  answers.filter((a) => a.at >= from && a.at <= to);

/**
 * `clients` readers, each requesting the paths in turn (client i starts at path i) as soon as its last answer
 * came. An answer counts as ok when it is a 200 that contains `expect`: an error page is fast and proves nothing.
 */
export function startReaders(options: {
  base: string;
  cookie: string;
  paths: string[];
  clients: number;
  expect: string;
}) {
  const answers: Answer[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  let running = true;
  const client = async (first: number) => {
    for (let i = first; running; i++) {
      const path = options.paths[i % options.paths.length] as string;
      const at = performance.now();
      const ok = await send(agent, options.base, {
        method: 'GET',
        path,
        headers: { Cookie: options.cookie },
      }).then(
        (reply) => reply.status === 200 && reply.body.includes(options.expect),
        () => false,
      );
      answers.push({ at, ms: performance.now() - at, ok });
      // A server that is down refuses at once: do not spin.
      if (!ok) await new Promise((resolve) => setTimeout(resolve, FAILURE_PAUSE_MS));
    }
  };
  const clients = Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return {
    /** Latency p95 and failures of the requests sent between two instants (performance.now()). */
    between(from: number, to: number) {
      const cut = during(answers, from, to);
      return {
        requests: cut.length,
        p95: percentile(
          cut.map((a) => a.ms),
          95,
        ),
        failures: cut.filter((a) => !a.ok).length,
      };
    },
    async stop() {
      running = false;
      await clients;
      agent.destroy();
    },
  };
}

export const HEALTH_EVERY_MS = 100;
export const HEALTH_TIMEOUT_MS = 2_000;

/** Asks /api/health every 100 ms, whether or not the last one answered; a miss is anything but a 200 within 2 s. */
export function pollHealth(base: string) {
  const answers: Answer[] = [];
  const pending = new Set<Promise<void>>();
  const poll = () => {
    const at = performance.now();
    const request = send(undefined, base, {
      method: 'GET',
      path: '/api/health',
      timeoutMs: HEALTH_TIMEOUT_MS,
    })
      .then(
        (reply) => reply.status === 200,
        () => false,
      )
      .then((answered) => {
        const ms = performance.now() - at;
        answers.push({ at, ms, ok: answered && ms <= HEALTH_TIMEOUT_MS });
        pending.delete(request);
      });
    pending.add(request);
  };
  const timer = setInterval(poll, HEALTH_EVERY_MS);
  return {
    /** Polls sent between two instants, and how many of them missed; call after stop(). */
    between(from: number, to: number) {
      const cut = during(answers, from, to);
      return { polls: cut.length, misses: cut.filter((a) => !a.ok).length };
    },
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
    },
  };
}
