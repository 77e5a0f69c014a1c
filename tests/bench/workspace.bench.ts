// The review workspace's speed: npm run bench:workspace [-- --baseline-only]
// Seeds a throwaway database with a 2,000-claim document, three reviewers' assessments and 1,000 comments, then
// measures on loopback the real app (built if stale, started as `npm start` starts it) against the baseline a
// competitor would write: node:http and pg, with its own SQL, session check and HTML (workspace/baseline-*.ts,
// which import nothing from lib/). Both answer the same requests:
//   - the workspace page: p50/p95 with 1 client, p50/p95 and requests per second with 10 clients;
//   - saving an assessment (PUT /api/claims/{id}/assessment, as the workspace sends it): p50/p95 with 1 client
//     and with 10, after 1,500 warm-up saves, so a server that has been running a while is measured, not V8
//     compiling its hot paths;
//   - in Chromium: the LCP of the page opened on a claim, and the interaction latency of choosing a verdict;
//   - for scale, each server's floor: a save refused with 401 for want of a session (workspace/floor.ts).
// It prints one table with each app figure as a ratio to the baseline's and the verdict against the targets
// (page p95 ≤ 2× baseline, save p95 ≤ 2.5× baseline with 2× as the stretch, interaction < 100 ms, LCP < 1.5 s).
// A missed target is a finding, not a crash: the exit code is 0 unless the benchmark itself could not run.
// --baseline-only skips building and starting the app: it measures the baseline alone, to check the bench.
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIfStale } from '@/lib/cli/build-if-stale';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { createTestDatabase } from '@/tests/support/test-database';
import { signIn, startApp } from './workspace/app';
import { startBaseline } from './workspace/baseline-server';
import { type Floor, measureFloor } from './workspace/floor';
import {
  BROWSER_RUNS,
  CLAIMS_PER_TARGET,
  CONCURRENCY,
  measureInBrowser,
  measurePage,
  measureSave,
  type Target,
} from './workspace/measure';
import { type Figures, printReport } from './workspace/report';
import { runBench, type Teardown } from './workspace/run-bench';
import { createSession, seedWorkspace } from './workspace/seed';

const BASELINE_ONLY = process.argv.includes('--baseline-only');
const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);

async function main(teardown: Teardown) {
  if (!BASELINE_ONLY) buildIfStale(root);
  const db = await createTestDatabase('evidence_review_bench');
  teardown.push(db.drop);
  await migrateDatabase({ url: db.url });
  const seedStart = performance.now();
  const seeded = await seedWorkspace(db.url);
  const counts = Object.entries(seeded.counts).map(([name, n]) => `${n} ${name}`);
  console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: ${counts.join(', ')}.`);

  // One secret for both, so the cookie the app signed is the one the baseline checks.
  const authSecret = crypto.randomBytes(32).toString('base64url');
  const baseline = await startBaseline({ databaseUrl: db.url, authSecret });
  teardown.push(baseline.stop);
  const targets: Target[] = [];
  let cookie: string;
  if (BASELINE_ONLY) {
    cookie = await createSession(db.url, seeded.bench.id, authSecret);
  } else {
    console.log('Starting the app…');
    const app = await startApp({ root, databaseUrl: db.url, authSecret });
    teardown.push(app.stop);
    cookie = await signIn(app.url, seeded.bench);
    targets.push({ name: 'app', url: app.url, cookie });
  }
  targets.push({ name: 'baseline', url: baseline.url, cookie });

  const figures = new Map<Target['name'], Figures>();
  const claimsOf = (i: number) => seeded.claimIds.slice(i * CLAIMS_PER_TARGET, (i + 1) * CLAIMS_PER_TARGET);
  // Phase by phase, so the app and the baseline see the same data at each step.
  for (const target of targets) {
    console.log(`Measuring the workspace page: ${target.name}…`);
    const page = await measurePage(target, seeded.documentId);
    figures.set(target.name, {
      page,
      save: { p50: 0, p95: 0, concurrentP50: 0, concurrentP95: 0 },
      browser: null,
    });
  }
  for (const [i, target] of targets.entries()) {
    console.log(`Measuring saves: ${target.name}…`);
    const save = await measureSave(target, claimsOf(i).slice(0, -BROWSER_RUNS));
    Object.assign(figures.get(target.name) as Figures, { save });
  }
  const floors = new Map<Target['name'], Floor>();
  for (const target of targets) {
    console.log(`Measuring the floor: ${target.name}…`);
    floors.set(target.name, await measureFloor(target, seeded.claimIds[0] as string));
  }
  for (const [i, target] of targets.entries()) {
    console.log(`Measuring in Chromium: ${target.name}…`);
    const browser = await measureInBrowser(target, seeded.documentId, claimsOf(i).slice(-BROWSER_RUNS));
    Object.assign(figures.get(target.name) as Figures, { browser });
  }

  const app = figures.get('app') ?? null;
  const base = figures.get('baseline') as Figures;
  console.log(
    `\nWorkspace page size: app ${app ? `${app.page.bytes.toLocaleString('en')} bytes` : 'not measured'}, ` +
      `baseline ${base.page.bytes.toLocaleString('en')} bytes.`,
  );
  printReport(app, base);
  const floorOf = (name: string, f: Floor) =>
    `${name} ${ms(f.p50)} / ${ms(f.p95)} with 1 client, ${ms(f.concurrentP50)} / ${ms(f.concurrentP95)} with ${CONCURRENCY}`;
  const appFloor = floors.get('app');
  const baseFloor = floors.get('baseline') as Floor;
  console.log(
    "\nFor scale, each server's floor (a save refused with 401 for want of a session, before any query), p50 / p95: " +
      `${floorOf('baseline', baseFloor)}` +
      (appFloor
        ? `; ${floorOf('app', appFloor)}. The app's floor p95 is ${(appFloor.p95 / base.save.p95).toFixed(2)}× ` +
          `(1 client) and ${(appFloor.concurrentP95 / base.save.concurrentP95).toFixed(2)}× (${CONCURRENCY}) ` +
          "the baseline's whole save."
        : '.'),
  );
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

runBench(main);
