// The traffic around an import: reviewers reading pages in a loop, and a monitor polling /api/health. Both
// record every answer with the instant its request left, so a figure can be cut to a span of time; a request
// still unanswered at the end of the span is waited for, so a slow answer is never left out.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile, send } from '../workspace/load';

type Answer = { at: number; ms: number; ok: boolean };

const FAILURE_PAUSE_MS = 100;

/** Answers recorded as they come, and the requests still out. */
function recorder() {
  const answers: Answer[] = [];
  const pending = new Set<Promise<void>>();
  return {
    /** Sends a request through `ask` (true when the answer is right) and records it. */
    record(ask: () => Promise<boolean>): Promise<boolean> {
      const at = performance.now();
      let ok = false;
      const request = ask()
        .catch(() => false)
        .then((answered) => {
          ok = answered;
          answers.push({ at, ms: performance.now() - at, ok });
          pending.delete(request);
        });
      pending.add(request);
      return request.then(() => ok);
    },
    /** The answers to requests sent between two instants (performance.now()), once all of them came. */
    async between(from: number, to: number): Promise<Answer[]> {
      await Promise.all(pending);
      return answers.filter((a) => a.at >= from && a.at <= to);
    },
    settled: () => Promise.all(pending),
  };
}

/**
 * `clients` readers, each requesting the pages in turn (client i starts at page i) as soon as its last answer
 * came. An answer counts as ok when it is a 200 that contains the page's `expect`: an error page is fast and
 * proves nothing.
 */
export function startReaders(options: {
  base: string;
  cookie: string;
  pages: Array<{ path: string; expect: string }>;
  clients: number;
}) {
  const answers = recorder();
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(1, options.clients) });
  let running = true;
  const client = async (first: number) => {
    for (let i = first; running; i++) {
      const { path, expect } = options.pages[i % options.pages.length] as { path: string; expect: string };
      const ok = await answers.record(async () => {
        const reply = await send(agent, options.base, {
          method: 'GET',
          path,
          headers: { Cookie: options.cookie },
        });
        return reply.status === 200 && reply.body.includes(expect);
      });
      // A server that is down refuses at once: do not spin.
      if (!ok) await new Promise((resolve) => setTimeout(resolve, FAILURE_PAUSE_MS));
    }
  };
  const clients = Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return {
    /** Latency p95 and failures of the pages asked for between two instants. */
    async between(from: number, to: number) {
      const cut = await answers.between(from, to);
      const p95 = percentile(
        cut.map((a) => a.ms),
        95,
      );
      return { requests: cut.length, p95, failures: cut.filter((a) => !a.ok).length };
    },
    async stop() {
      running = false;
      await clients;
      agent.destroy();
    },
  };
}

const HEALTH_EVERY_MS = 100;
const HEALTH_TIMEOUT_MS = 2_000;

/** Asks /api/health every 100 ms, whether or not the last one answered; a miss is anything but a 200 within 2 s. */
export function pollHealth(base: string) {
  const answers = recorder();
  const poll = () =>
    answers.record(async () => {
      const start = performance.now();
      const reply = await send(undefined, base, {
        method: 'GET',
        path: '/api/health',
        timeoutMs: HEALTH_TIMEOUT_MS,
      });
      return reply.status === 200 && performance.now() - start <= HEALTH_TIMEOUT_MS;
    });
  const timer = setInterval(poll, HEALTH_EVERY_MS);
  return {
    /** Polls sent between two instants, and how many of them missed. */
    async between(from: number, to: number) {
      const cut = await answers.between(from, to);
      return { polls: cut.length, misses: cut.filter((a) => !a.ok).length };
    },
    async stop() {
      clearInterval(timer);
      await answers.settled();
    },
  };
}
