// `npm start` stopped by SIGTERM, as a process manager or a rolling restart behind a load balancer stops it: it
// takes no new connection, answers the request it is in the middle of, and exits. Ctrl-C stays immediate
// (database-url-restarted.test.ts).
// The request is held in flight by freezing the test's own PostgreSQL (tests/support/private-postgres.ts).
import net from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrivatePostgres, type PrivatePostgres } from '@/tests/support/private-postgres';
import { type StartedApp, startApp } from '@/tests/support/started-app';

let server: PrivatePostgres;
let app: StartedApp;

beforeAll(async () => {
  server = await createPrivatePostgres();
  app = await startApp({ DATABASE_URL: server.url('evidence_review') });
});

afterAll(async () => {
  if (app && !app.exited()) await app.interrupt();
  await server?.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a new TCP connection to the app is accepted. */
function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('SIGTERM: no new connections, the request in flight is answered, then the app exits 0', async () => {
  const ready = await fetch(`${app.url}/api/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', migrations: 'ok' });

  const resume = server.freeze();
  let resumed = false;
  try {
    // Health asks the database, which answers nothing while frozen: the request stays in flight.
    const inFlight = fetch(`${app.url}/api/health`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
    await sleep(500);
    const stopped = app.terminate();
    await sleep(1_000);
    expect(app.exited(), 'the app waits for the request it is answering').toBe(false);
    expect(await accepts(app.url), 'a new connection is refused').toBe(false);
    resume();
    resumed = true;
    expect(await inFlight).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });
    const { code, ms } = await stopped;
    expect(code).toBe(0);
    // Drained well before its 8 s limit: the exit follows the last answer, not the limit.
    expect(ms).toBeLessThan(7_000);
  } finally {
    if (!resumed) resume();
  }
});
