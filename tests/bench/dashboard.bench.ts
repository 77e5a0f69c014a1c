// The dashboard's speed: npm run bench:dashboard
// Seeds a throwaway database (on DATABASE_URL's server if set, else an embedded one) with 200 projects, 5,000
// documents, 80,000 claims and 120,000 assessments (dashboard/seed.ts), then runs the dashboard's project list as
// the app runs it (listProjects, through its Prisma client) and as a competitor would write it with pg alone
// (dashboard/baseline-projects.ts, which imports nothing from lib/), for two readers: a reviewer who is a member
// of all 200 projects, and an instance admin who leads 20 and sees the other 180 in admin view. Both answers are
// checked to be the same; then, after a warm-up, the two run in alternation (which goes first alternates too),
// so both meet the same cache and the same machine load. It prints each reader's p50 and p95 for both, the p95
// ratio, and the verdict against the target (app p95 ≤ 2× baseline p95). A missed target is a finding, not a
// crash: the exit code is 0 unless the benchmark itself could not run.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { disconnectPrisma } from '@/lib/db/prisma';
import { listProjects } from '@/lib/projects/list-projects';
import { createTestDatabase } from '@/tests/support/test-database';
import { baselinePool, baselineProjects } from './dashboard/baseline-projects';
import { seedDashboard } from './dashboard/seed';
import { percentile } from './workspace/load';
import { printTable } from './workspace/report';
import { runBench, type Teardown } from './workspace/run-bench';

const WARM_UP = 5;
const RUNS = 60;
const TARGET_RATIO = 2;

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);

type Reader = { name: string; id: string; role: 'ADMIN' | 'REVIEWER' };
type Timings = { app: number[]; baseline: number[] };

async function main(teardown: Teardown) {
  const db = await createTestDatabase('evidence_review_dashboard_bench');
  teardown.push(db.drop);
  await migrateDatabase({ url: db.url });
  const seedStart = performance.now();
  const seeded = await seedDashboard(db.url);
  const counts = Object.entries(seeded.counts).map(([name, n]) => `${n.toLocaleString('en')} ${name}`);
  console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: ${counts.join(', ')}.`);

  // The app's Prisma client reads DATABASE_URL when it is first used; the baseline has a pool of its own, as big.
  process.env.DATABASE_URL = db.url;
  teardown.push(disconnectPrisma);
  const pool = baselinePool(db.url);
  teardown.push(() => pool.end());

  const readers: Reader[] = [
    { name: 'Reviewer in 200 projects', id: seeded.reviewerId, role: 'REVIEWER' },
    { name: 'Admin, 180 in admin view', id: seeded.adminId, role: 'ADMIN' },
  ];
  const lines: string[][] = [];
  const missed: string[] = [];
  for (const reader of readers) {
    const app = () => listProjects({ reader });
    const baseline = () => baselineProjects(pool, reader);
    const [ours, theirs] = [await app(), await baseline()];
    if (ours.length !== 200 || !isDeepStrictEqual(ours, theirs)) {
      throw new Error(
        `${reader.name}: the app and the baseline answer differently (${ours.length} projects).`,
      );
    }
    console.log(`Measuring: ${reader.name}…`);
    const timings = await alternate(app, baseline);
    const [appP95, baseP95] = [percentile(timings.app, 95), percentile(timings.baseline, 95)];
    const ratio = appP95 / baseP95;
    const pass = ratio <= TARGET_RATIO;
    if (!pass) missed.push(`${reader.name}: p95 ${ratio.toFixed(2)}× baseline`);
    lines.push([
      reader.name,
      `${ms(percentile(timings.app, 50))} / ${ms(appP95)}`,
      `${ms(percentile(timings.baseline, 50))} / ${ms(baseP95)}`,
      `${ratio.toFixed(2)}×`,
      `≤ ${TARGET_RATIO}× baseline`,
      pass ? 'PASS' : 'FAIL',
    ]);
  }
  printTable(
    ['Dashboard projects list', 'App p50 / p95', 'Baseline p50 / p95', 'p95 ratio', 'Target', 'Result'],
    lines,
  );
  console.log(
    missed.length === 0
      ? '\nVerdict: every target met.'
      : `\nVerdict: ${missed.length} target(s) missed:\n  ${missed.join('\n  ')}`,
  );
}

/** Runs both, one after the other, WARM_UP + RUNS times, the first of each pair alternating; times the RUNS. */
async function alternate(app: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<Timings> {
  const timings: Timings = { app: [], baseline: [] };
  const time = async (run: () => Promise<unknown>, into: number[], measured: boolean) => {
    const start = performance.now();
    await run();
    if (measured) into.push(performance.now() - start);
  };
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const measured = i >= WARM_UP;
    const pair: Array<[() => Promise<unknown>, number[]]> = [
      [app, timings.app],
      [baseline, timings.baseline],
    ];
    if (i % 2 === 1) pair.reverse();
    for (const [run, into] of pair) await time(run, into, measured);
  }
  return timings;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

runBench(main);
