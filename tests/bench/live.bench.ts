// Live review's speed: npm run bench:live
// Seeds a throwaway database with one document and 1,000 reviewers who are members, each with a session, starts
// the real app (built if stale, started as `npm start` starts it), and measures on loopback:
//   - from commit to the change in a reader's hands: a comment is written with its audit event in one
//     transaction on the bench's own connection (live/write-change.ts), and every receiver is timed from the
//     moment its COMMIT was sent: the baseline, a bare pg LISTEN client (live/baseline-listener.ts, importing
//     nothing from lib/), and 50 event streams open on the app, each a reader of their own
//     (GET /api/documents/{id}/events, read from raw sockets: live/event-streams.ts);
//   - what 1,000 idle event streams cost the app's process: its resident set with them open, minus before;
//   - for scale, commit to event with those 1,000 streams open.
// It prints one table with each figure, the ratio to the baseline where there is one, and the verdict against
// issue 21's targets (p95 ≤ 2× baseline with 50 streams; ≤ 100 MB for 1,000 idle streams). A missed target is a
// finding, not a crash: the exit code is 0 unless the benchmark itself could not run.
import crypto from 'node:crypto';
import path from 'node:path';
import { buildIfStale } from '@/lib/cli/build-if-stale';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { createTestDatabase } from '@/tests/support/test-database';
import { openBaselineListener } from './live/baseline-listener';
import { type EventStream, openEventStreams } from './live/event-streams';
import { type Latencies, measureLatency, residentBytes } from './live/measure';
import { seedLive } from './live/seed';
import { openWriter } from './live/write-change';
import { startApp } from './workspace/app';
import { percentile } from './workspace/load';
import { printTable } from './workspace/report';
import { runBench, type Teardown } from './workspace/run-bench';

const READERS = 1_000;
const TIMED_READERS = 50;
const WARM_UP = 30;
const ROUNDS = 200;
const ROUNDS_AT_SCALE = 40;
const MAX_RATIO = 2;
const MAX_IDLE_BYTES = 100 * 1024 * 1024;

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(teardown: Teardown) {
  buildIfStale(root);
  const db = await createTestDatabase('evidence_review_live_bench');
  teardown.push(db.drop);
  await migrateDatabase({ url: db.url });
  const authSecret = crypto.randomBytes(32).toString('base64url');
  const seeded = await seedLive(db.url, { readers: READERS, authSecret });
  console.log(
    `Seeded ${READERS} readers with a session each, and a document of ${seeded.claimIds.length} claims.`,
  );

  console.log('Starting the app…');
  const app = await startApp({ root, databaseUrl: db.url, authSecret });
  teardown.push(app.stop);
  const baseline = await openBaselineListener(db.url);
  teardown.push(baseline.close);
  const writer = await openWriter(db.url, seeded);
  teardown.push(writer.close);
  const open: EventStream[] = [];
  teardown.push(async () => {
    for (const stream of open) stream.close();
  });
  const track = (streams: EventStream[]) => {
    open.push(...streams);
    return streams;
  };
  const latency = (streams: EventStream[], rounds: number) =>
    measureLatency({ writer, baseline, streams, claimIds: seeded.claimIds, warmUp: WARM_UP, rounds });

  console.log(`Timing ${WARM_UP} + ${ROUNDS} changes with ${TIMED_READERS} event streams open…`);
  const timed = track(
    await openEventStreams(app.url, seeded.documentId, seeded.cookies.slice(0, TIMED_READERS)),
  );
  await sleep(500);
  const fifty = await latency(timed, ROUNDS);
  for (const stream of timed) stream.close();

  console.log(`Opening ${READERS} idle event streams…`);
  await sleep(2_000);
  const before = await residentBytes(app.pid);
  const idle = track(await openEventStreams(app.url, seeded.documentId, seeded.cookies));
  await sleep(3_000);
  const during = await residentBytes(app.pid);
  console.log(`Timing ${WARM_UP} + ${ROUNDS_AT_SCALE} changes with ${READERS} event streams open…`);
  // For scale only: a failure here (changes that do not reach every stream in time) is reported, not fatal.
  const thousand = await latency(idle, ROUNDS_AT_SCALE).catch((e: Error) => e.message);

  report({ fifty, thousand, idleBytes: during - before, before });
}

function report(figures: {
  fifty: Latencies;
  thousand: Latencies | string;
  idleBytes: number;
  before: number;
}) {
  const { fifty, thousand, idleBytes } = figures;
  const missed: string[] = [];
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const row = (metric: string, app: number | null, base: number | null, target?: string, pass?: boolean) => {
    if (target && !pass) missed.push(`${metric} (${target})`);
    return [
      metric,
      app === null ? '—' : ms(app),
      base === null ? '—' : ms(base),
      app !== null && base ? `${(app / base).toFixed(2)}×` : '—',
      target ?? '',
      target ? (pass ? 'PASS' : 'FAIL') : '',
    ];
  };
  const p = (list: number[], at: number) => percentile(list, at);
  const ratio95 = p(fifty.app, 95) / p(fifty.baseline, 95);
  const lines = [
    row(`Commit → event p50, ${TIMED_READERS} streams`, p(fifty.app, 50), p(fifty.baseline, 50)),
    row(
      `Commit → event p95, ${TIMED_READERS} streams`,
      p(fifty.app, 95),
      p(fifty.baseline, 95),
      `≤ ${MAX_RATIO}× baseline`,
      ratio95 <= MAX_RATIO,
    ),
    row(`Commit → event max, ${TIMED_READERS} streams`, p(fifty.app, 100), p(fifty.baseline, 100)),
    row(`After the LISTEN client, p95, ${TIMED_READERS} streams`, p(fifty.afterBaseline, 95), null),
    ...(typeof thousand === 'string'
      ? [[`Commit → event, ${READERS} streams`, 'not measured']]
      : [
          row(`Commit → event p50, ${READERS} streams`, p(thousand.app, 50), p(thousand.baseline, 50)),
          row(`Commit → event p95, ${READERS} streams`, p(thousand.app, 95), p(thousand.baseline, 95)),
        ]),
  ];
  const idleLine = [
    `Resident memory of ${READERS} idle streams`,
    mb(idleBytes),
    '—',
    '—',
    `≤ ${mb(MAX_IDLE_BYTES)}`,
    idleBytes <= MAX_IDLE_BYTES ? 'PASS' : 'FAIL',
  ];
  if (idleBytes > MAX_IDLE_BYTES) missed.push(`${idleLine[0]} (${idleLine[4]})`);
  printTable(
    ['Metric', 'App', 'Baseline', 'Ratio', 'Target', 'Result'],
    [...lines, idleLine, [`  per stream`, `${(idleBytes / READERS / 1024).toFixed(1)} KB`]],
  );
  console.log(
    `\nFor scale: the writer's COMMIT took ${ms(p(fifty.commit, 50))} p50, ${ms(p(fifty.commit, 95))} p95 ` +
      `(every receiver is timed from the moment it was sent); from the first of the ${TIMED_READERS} streams to ` +
      `have a change to the last took ${ms(p(fifty.spread, 50))} p50 (the app writing them, and this process ` +
      `reading them one after another); the app's resident set was ` +
      `${mb(figures.before)} before the idle streams opened.`,
  );
  if (typeof thousand === 'string') console.log(`With ${READERS} streams open: ${thousand}`);
  console.log(
    missed.length === 0
      ? '\nVerdict: every target met.'
      : `\nVerdict: ${missed.length} target(s) missed:\n  ${missed.join('\n  ')}`,
  );
}

runBench(main);
