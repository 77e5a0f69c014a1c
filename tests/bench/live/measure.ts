// The two measurements: how long after a commit a change is in a reader's hands (the app's event streams against
// a bare LISTEN client, timed from the same commit), and what the app's process holds for idle streams.
import fs from 'node:fs';
import type { EventStream } from './event-streams';
import type { Written } from './write-change';

const ROUND_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Latencies = {
  /** Commit to notification at the bare LISTEN client, one per change. */
  baseline: number[];
  /** Commit to `change` event at each event stream, one per change and stream. */
  app: number[];
  /** How long after the LISTEN client each stream had it. */
  afterBaseline: number[];
  /** The writer's COMMIT round trip. */
  commit: number[];
  /** From the first stream to have a change to the last, one per change. */
  spread: number[];
};

/**
 * Changes one claim after another, each once every receiver has the last, so no change queues behind another:
 * `warmUp` changes first, unmeasured, then `rounds` measured ones.
 */
export async function measureLatency(options: {
  writer: { comment: (claimId: string) => Promise<Written> };
  baseline: { heard: Array<{ at: number; claimId: string }> };
  streams: EventStream[];
  claimIds: string[];
  warmUp: number;
  rounds: number;
}): Promise<Latencies> {
  const { writer, baseline, streams, claimIds } = options;
  const result: Latencies = { baseline: [], app: [], afterBaseline: [], commit: [], spread: [] };
  const sent: string[] = [];
  const start = streams.map((s) => s.arrivals.length);
  const heardBefore = baseline.heard.length;
  for (let round = 0; round < options.warmUp + options.rounds; round++) {
    const claimId = claimIds[round % claimIds.length] as string;
    sent.push(claimId);
    const written = await writer.comment(claimId);
    const expected = round + 1;
    const arrived = () =>
      baseline.heard.length - heardBefore >= expected &&
      streams.every((s, i) => s.arrivals.length - (start[i] as number) >= expected);
    for (let waited = 0; !arrived(); waited += 2) {
      if (waited > ROUND_TIMEOUT_MS) {
        const short = streams.filter((s, i) => s.arrivals.length - (start[i] as number) < expected).length;
        throw new Error(`Change ${round + 1}: ${short} of ${streams.length} streams did not get it.`);
      }
      await sleep(2);
    }
    if (round < options.warmUp) continue;
    const heard = baseline.heard[heardBefore + round] as { at: number; claimId: string };
    if (heard.claimId !== claimId)
      throw new Error(`The LISTEN client heard ${heard.claimId}, not ${claimId}.`);
    result.baseline.push(heard.at - written.committing);
    result.commit.push(written.committed - written.committing);
    const arrivals = streams.map((stream, i) => stream.arrivals[(start[i] as number) + round] as number);
    for (const at of arrivals) {
      result.app.push(at - written.committing);
      result.afterBaseline.push(at - heard.at);
    }
    result.spread.push(Math.max(...arrivals) - Math.min(...arrivals));
  }
  for (const stream of streams) checkEvents(stream, sent);
  return result;
}

/** Each stream's events name the claims changed, in the order they were changed: timed events were the right ones. */
function checkEvents(stream: EventStream, sent: string[]) {
  const named = [...stream.text().matchAll(/event: change\ndata: (\{.*\})\n/g)].map(
    (m) => (JSON.parse(m[1] as string) as { claimId: string }).claimId,
  );
  const tail = named.slice(-sent.length);
  if (tail.length !== sent.length || tail.some((claimId, i) => claimId !== sent[i])) {
    throw new Error(`An event stream's events do not name the claims changed, in order.`);
  }
}

/** The process's resident set, in bytes: the median of a few readings, as the allocator settles. */
export async function residentBytes(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    readings.push(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) * 1024);
    await sleep(200);
  }
  return readings.sort((a, b) => a - b)[2] as number;
}
