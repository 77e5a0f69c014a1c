// `npm start` on the embedded PostgreSQL, under a few clients' writes and reads, while its server is killed with
// SIGKILL: the app starts it again by itself and serves within 10 s, no acknowledged write is lost, and Ctrl-C
// still stops everything within a few seconds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type StartedApp, startApp } from '@/tests/support/started-app';
import { freePort, withDatabase } from '@/tests/support/test-database';
import { startLoad, untilServing } from '@/tests/support/write-load';

const runId = crypto.randomBytes(4).toString('hex');
// Inside the checkout, like the default, so the postgres user can reach it when the tests run as root.
const dataDir = path.resolve('.data/resilience-postgres', runId);
let app: StartedApp;
let databaseUrl: string;

beforeAll(async () => {
  const port = await freePort();
  app = await startApp({ EMBEDDED_POSTGRES_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(port) });
  databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/evidence_review`;
});

afterAll(async () => {
  if (app && !app.exited()) await app.interrupt();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const postmasterPid = () =>
  Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('killed with SIGKILL under load, the embedded PostgreSQL is started again and the app serves within 10 s, losing no acknowledged write', async () => {
  const cookie = await app.signIn('reviewer1@example.org');
  const claimIds = await withDatabase(databaseUrl, async (db) => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM "Claim" ORDER BY start LIMIT 4');
    return rows.map((r) => r.id);
  });
  const [probeClaim, ...loadClaims] = claimIds;
  const load = startLoad({ url: app.url, cookie, claimIds: loadClaims, runId });
  await sleep(3_000);
  expect(load.failed(), 'every request succeeds before the kill').toEqual([]);

  const killedAt = Date.now();
  process.kill(postmasterPid(), 'SIGKILL');
  const servingAt = await untilServing(app.url, cookie, probeClaim as string, 20_000);
  await sleep(3_000);
  await load.stop();

  expect(servingAt, 'the app serves again').not.toBeNull();
  expect((servingAt as number) - killedAt).toBeLessThan(10_000);
  expect(app.exited(), 'the app itself was not restarted').toBe(false);
  expect(app.output().match(/Evidence review is ready at/g)).toHaveLength(1);
  expect(app.output()).toMatch(/The embedded PostgreSQL runs again/);
  expect(load.badAnswers(servingAt as number)).toEqual([]);
  const lost = await withDatabase(databaseUrl, (db) => load.lostWrites(db));
  expect(lost).toEqual([]);
  const acknowledged = load.acknowledged();
  expect(acknowledged.imports).toBeGreaterThan(0);
  expect(acknowledged.saves).toHaveLength(loadClaims.length);
});

test('Ctrl-C right after the server was killed: the app exits within 5 s and leaves no server behind', async () => {
  const pid = postmasterPid();
  process.kill(pid, 'SIGKILL');
  const took = await app.interrupt();
  expect(took).toBeLessThan(5_000);
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) expect(isAlive(postmasterPid()), 'a server still runs on the data').toBe(false);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
