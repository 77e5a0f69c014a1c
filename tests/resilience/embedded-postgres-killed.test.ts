// `npm start` on the embedded PostgreSQL, under a few clients' writes and reads, while its server is killed with
// SIGKILL: the app starts it again by itself and serves within 10 s, no acknowledged write is lost, and Ctrl-C
// still stops everything within a few seconds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSteadyLoad } from '@/tests/support/database-outage';
import { type StartedApp, startApp } from '@/tests/support/started-app';
import { freePort } from '@/tests/support/test-database';

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

test('killed with SIGKILL under load, the embedded PostgreSQL is started again and the app serves within 10 s, losing no acknowledged write', async () => {
  const { expectRecovered } = await startSteadyLoad({ app, databaseUrl, runId, before: 'kill' });
  const killedAt = Date.now();
  process.kill(postmasterPid(), 'SIGKILL');
  await expectRecovered(killedAt);
  expect(app.output().match(/Evidence review is ready at/g)).toHaveLength(1);
  expect(app.output()).toMatch(/The embedded PostgreSQL runs again/);
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
