// `npm start` with DATABASE_URL, under a few clients' writes and reads, while its PostgreSQL 15 is stopped and
// started again: the requests made meanwhile get a prompt 503 or an error page, the app serves again by itself
// once the server is back, and no acknowledged write is lost. Ctrl-C stops it promptly even while the server
// answers nothing.
// The server is the test's own (tests/support/private-postgres.ts), so the machine's shared one is never stopped.
import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSteadyLoad } from '@/tests/support/database-outage';
import { createPrivatePostgres, type PrivatePostgres } from '@/tests/support/private-postgres';
import { type StartedApp, startApp } from '@/tests/support/started-app';

const runId = crypto.randomBytes(4).toString('hex');
let server: PrivatePostgres;
let app: StartedApp;
let databaseUrl: string;

beforeAll(async () => {
  server = await createPrivatePostgres();
  databaseUrl = server.url('evidence_review');
  app = await startApp({ DATABASE_URL: databaseUrl });
});

afterAll(async () => {
  if (app && !app.exited()) await app.interrupt();
  await server?.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('PostgreSQL stopped and started under load: 503s while it is down, serving again within 10 s, no acknowledged write lost', async () => {
  const { load, expectRecovered } = await startSteadyLoad({ app, databaseUrl, runId, before: 'stop' });
  await server.stop();
  await sleep(2_000);
  await server.start();
  await expectRecovered(Date.now());
  expect(load.failed().length, 'the load met the stopped server').toBeGreaterThan(0);
});

test('Ctrl-C while the database answers nothing and a request waits on it: the app exits within 5 s', async () => {
  const resume = server.freeze();
  try {
    const waiting = fetch(`${app.url}/api/health`).catch(() => null);
    await sleep(500);
    expect(await app.interrupt()).toBeLessThan(5_000);
    await waiting;
  } finally {
    resume();
  }
});
