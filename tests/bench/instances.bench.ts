// How many app instances one PostgreSQL carries: npm run bench:instances
// Seeds a throwaway database (on DATABASE_URL's server if set, else an embedded one) with the workspace bench's
// 2,000-claim document, starts three instances as `npm start` starts them (built if stale), and puts Debian's
// nginx with deploy/nginx.conf in front of the first one, then the first two, then all three. Each time the same
// clients run the same mixed load through nginx for PHASE_S seconds (instances/mixed-load.ts: reviewers saving
// assessments, readers of the workspace page and claim panels, open event streams, an import and exports
// running), after one warm-up run over all three. Meanwhile pg_stat_activity is sampled every 200 ms, each
// connection counted for the instance and pool its application_name names (instances/connections.ts).
// It prints, for 1, 2 and 3 instances, the saves per second and their p50/p95, the other requests done, the
// failures, and the peak connections in all and of one instance; then the server's budget (max_connections less
// its reserved slots) and how many instances it carries, by the measured peak and by the pools' ceiling. On one
// small machine more instances share the same cores, so they add no throughput: what this measures is the
// connection budget, and that nothing fails as instances are added. The exit code is 0 unless the benchmark
// itself could not run.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIfStale } from '@/lib/cli/build-if-stale';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { startNginx } from '@/tests/support/nginx';
import { type StartedApp, startApp } from '@/tests/support/started-app';
import { createTestDatabase } from '@/tests/support/test-database';
import { articleWithClaims } from './import/article';
import { connectionBudget, type Held, peaks, sampleConnections, total } from './instances/connections';
import { CLIENTS, type LoadFigures, type LoadTarget, runMixedLoad, THINK_MS } from './instances/mixed-load';
import { signIn } from './workspace/app';
import { percentile } from './workspace/load';
import { printTable } from './workspace/report';
import { runBench, type Teardown } from './workspace/run-bench';
import { seedWorkspace } from './workspace/seed';

const INSTANCES = 3;
const WARM_UP_S = 10;
const PHASE_S = 20;
/** Between phases: the last phase's requests are over before the next one's count. */
const SETTLE_MS = 2_000;
const IMPORT_CLAIMS = 1_000;
/**
 * The most one instance can open as configured: its server's pool (10, lib/db/prisma.ts), two export workers
 * (lib/exports/export-in-worker.ts) with a pool of 3 each, and the listener. Without a read replica.
 */
const CEILING: Held = { pool: 10, worker: 2 * 3, live: 1 };

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);

type Phase = { instances: number; load: LoadFigures; connections: ReturnType<typeof peaks> };

async function main(teardown: Teardown) {
  buildIfStale(root);
  const db = await createTestDatabase('evidence_review_instances');
  teardown.push(db.drop);
  await migrateDatabase({ url: db.url });
  const seeded = await seedWorkspace(db.url);
  const budget = await connectionBudget(db.url);

  console.log(`Starting ${INSTANCES} instances…`);
  // As the README's "Several instances" starts them: one database, one cookie secret, behind a proxy.
  const env = {
    DATABASE_URL: db.url,
    TRUST_PROXY: '1',
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
  };
  const started = await Promise.allSettled(Array.from({ length: INSTANCES }, () => startApp(env)));
  const apps: StartedApp[] = [];
  for (const result of started) {
    if (result.status === 'fulfilled') {
      apps.push(result.value);
      teardown.push(async () => void (await result.value.interrupt()));
    }
  }
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  // How each instance names itself in pg_stat_activity (lib/db/application-name.ts).
  const names = apps.map((app) => `${os.hostname()}:${new URL(app.url).port}`);

  const sampler = await sampleConnections(db.url);
  teardown.push(sampler.stop);
  const target: Omit<LoadTarget, 'base'> = {
    cookie: await signIn((apps[0] as StartedApp).url, seeded.bench),
    documentId: seeded.documentId,
    claimIds: seeded.claimIds,
    versions: new Map(),
    importText: articleWithClaims(IMPORT_CLAIMS).text,
  };
  const behindNginx = async (count: number, seconds: number) => {
    const nginx = await startNginx(apps.slice(0, count).map((app) => app.url));
    try {
      return await runMixedLoad({ ...target, base: nginx.url }, seconds);
    } finally {
      nginx.stop();
    }
  };

  console.log(`Warming up all ${INSTANCES} instances for ${WARM_UP_S} s…`);
  await behindNginx(INSTANCES, WARM_UP_S);
  const phases: Phase[] = [];
  for (let count = 1; count <= INSTANCES; count++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    console.log(`${count} instance(s) behind nginx, ${PHASE_S} s…`);
    const from = performance.now();
    const load = await behindNginx(count, PHASE_S);
    const connections = peaks(sampler.between(from, performance.now()), names.slice(0, count));
    phases.push({ instances: count, load, connections });
    for (const failure of load.failureSamples) console.log(`  failed: ${failure}`);
  }
  await sampler.stop();
  report(phases, budget);
}

function report(phases: Phase[], budget: Awaited<ReturnType<typeof connectionBudget>>) {
  console.log(
    `\nThe same clients each time, through nginx: ${CLIENTS.savers} saving, ${CLIENTS.readers} reading pages and ` +
      `panels, ${CLIENTS.streams} event streams, ${CLIENTS.importers} importing ${IMPORT_CLAIMS.toLocaleString('en')}-claim ` +
      `articles and ${CLIENTS.exporters} exporting the 2,000-claim document (JSON), each waiting ${THINK_MS / 1000} s between two; ${PHASE_S} s each. ` +
      `On a ${os.cpus().length}-core machine.`,
  );
  printTable(
    [
      'Instances',
      'Saves/s',
      'Save p50',
      'Save p95',
      'Pages, panels',
      'Imports, exports',
      'Streams open',
      'Failed',
      'Peak connections, all',
      'Peak, one instance',
    ],
    phases.map(({ instances, load, connections }) => [
      String(instances),
      (load.saves.length / load.seconds).toFixed(1),
      ms(percentile(load.saves, 50)),
      ms(percentile(load.saves, 95)),
      `${load.pages}, ${load.panels}`,
      `${load.imports}, ${load.exports}`,
      `${load.streamsOpen} of ${CLIENTS.streams}`,
      String(load.failures),
      String(connections.together),
      String(connections.single),
    ]),
  );
  const peak = Math.max(...phases.map((p) => p.connections.single));
  const busiest = phases.find((p) => p.connections.single === peak)?.connections.busiest as Held;
  const byKind = phases.reduce<Held>(
    (most, p) => ({
      pool: Math.max(most.pool, p.connections.byKind.pool),
      worker: Math.max(most.worker, p.connections.byKind.worker),
      live: Math.max(most.live, p.connections.byKind.live),
    }),
    { pool: 0, worker: 0, live: 0 },
  );
  console.log(
    `\nOne instance's peak: ${peak} connections (${split(busiest)}). The most each pool held: ${split(byKind)}. ` +
      `The ceiling as configured: ${total(CEILING)} (${split(CEILING)}).`,
  );
  const carried = (per: number) => (per > 0 ? String(Math.floor(budget.available / per)) : '—');
  printTable(
    [`PostgreSQL ${budget.version}`, 'Connections', 'Instances it carries'],
    [
      ['max_connections', String(budget.max), ''],
      ['reserved (superuser_reserved_connections, reserved_connections)', String(budget.reserved), ''],
      ['left for the app', String(budget.available), ''],
      ['per instance, measured peak', String(peak), carried(peak)],
      ['per instance, ceiling of its pools', String(total(CEILING)), carried(total(CEILING))],
    ],
  );
  console.log(
    '\nEach instance starting also opens one connection, for a moment, to migrate; keep a few for psql and ' +
      'monitoring. A pooler in transaction mode (PgBouncer) cannot carry the listener, whose LISTEN needs a ' +
      'session of its own, nor the migrations, which hold a session-level advisory lock.',
  );
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const split = (held: Held) =>
  `server pool ${held.pool}, export workers ${held.worker}, listener ${held.live}`;

runBench(main);
