// A small load generator: keep-alive connections, a fixed number of requests shared out among N clients
// that each send their next request as soon as the last one answered.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type Request = {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** How long the connection may stay silent before the request fails; a minute unless given. */
  timeoutMs?: number;
};

export function send(agent: http.Agent | undefined, base: string, request: Request): Promise<Reply> {
  const url = new URL(request.path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: request.method,
        headers: {
          ...request.headers,
          ...(request.body === undefined ? {} : { 'Content-Length': Buffer.byteLength(request.body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(request.timeoutMs ?? 60_000, () =>
      req.destroy(new Error(`${request.method} ${url} timed out`)),
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

export type LoadResult = { latencies: number[]; seconds: number };

/**
 * Sends `total` requests from `concurrency` clients. `make(i)` builds the i-th request and `check` throws on a
 * wrong answer, so a run of fast errors is never reported as speed.
 */
export async function runLoad(options: {
  base: string;
  total: number;
  concurrency: number;
  make: (i: number) => Request;
  check: (reply: Reply, i: number) => void;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    for (let i = next++; i < options.total; i = next++) {
      const request = options.make(i);
      const started = performance.now();
      const reply = await send(agent, options.base, request);
      latencies.push(performance.now() - started);
      options.check(reply, i);
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: options.concurrency }, client));
  } finally {
    agent.destroy();
  }
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** The nearest-rank percentile, in the values' unit. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
