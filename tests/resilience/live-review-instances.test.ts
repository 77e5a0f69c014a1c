// Live review across app instances, in real browsers (issue 21): two `npm start` instances on one PostgreSQL
// behind Debian's nginx. A save in a browser on one instance shows in a browser on the other without a reload;
// the instance that holds a browser's event stream is killed under load, and the browser reconnects through nginx
// to the other; PostgreSQL restarts, every listener reconnects, and the browsers catch up.
// The PostgreSQL is the test's own (tests/support/private-postgres.ts), so the machine's shared one is never stopped.
import crypto from 'node:crypto';
import {
  type Browser,
  type BrowserContext,
  chromium,
  expect as expectPage,
  type Page,
} from '@playwright/test';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '@/tests/support/find-chromium';
import { type StartedNginx, startNginx } from '@/tests/support/nginx';
import { createPrivatePostgres, type PrivatePostgres } from '@/tests/support/private-postgres';
import { type StartedApp, startApp } from '@/tests/support/started-app';
import { withDatabase } from '@/tests/support/test-database';
import { startLoad } from '@/tests/support/write-load';

const runId = crypto.randomBytes(4).toString('hex');
let server: PrivatePostgres;
let databaseUrl: string;
let apps: StartedApp[] = [];
let nginx: StartedNginx;
let browser: Browser;
const contexts: BrowserContext[] = [];
let documentId: string;
let passwords: Record<string, string> = {};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const env = () => ({ DATABASE_URL: databaseUrl, TRUST_PROXY: '1' });

beforeAll(async () => {
  server = await createPrivatePostgres();
  databaseUrl = server.url('evidence_review');
  apps = await Promise.all([startApp(env()), startApp(env())]);
  // Whichever instance seeded printed the demo accounts' passwords.
  for (const email of ['reviewer1@example.org', 'reviewer2@example.org']) {
    const app = apps.find((a) => a.output().includes(email)) as StartedApp;
    passwords[email] = app.passwordOf(email);
  }
  nginx = await startNginx(apps.map((app) => app.url));
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  documentId = await withDatabase(databaseUrl, async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM "Document" WHERE slug = 'low-dose-naltrexone-depression'`,
    );
    return rows[0]?.id as string;
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  nginx?.stop();
  await Promise.all(apps.map((app) => (app.exited() ? 0 : app.interrupt())));
  await server?.remove();
  passwords = {};
});

/** Signs in on `base` with the password whichever instance seeded printed. */
async function signIn(email: string, base: string): Promise<Response> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ email, password: passwords[email] }),
  });
  expect(response.status).toBe(200);
  return response;
}

async function cookieOf(email: string, base: string): Promise<string> {
  const response = await signIn(email, base);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A reviewer's browser tab on `base` (an instance, or nginx), signed in, with the sample document open. */
async function reviewerTab(email: string, base: string): Promise<Page> {
  const response = await signIn(email, base);
  const context = await browser.newContext({ baseURL: base });
  contexts.push(context);
  await context.addCookies(
    response.headers.getSetCookie().map((header) => {
      const [pair] = header.split(';') as [string];
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    }),
  );
  const page = await context.newPage();
  await page.goto(`/documents/${documentId}`);
  await expectPage(page.locator('mark[data-claim]').first()).toBeVisible({ timeout: 30_000 });
  return page;
}

const highlight = (page: Page, n: number) => page.locator('mark[data-claim]').nth(n);

/** Judges the n-th claim in `page` and waits until the save is answered. */
async function judge(page: Page, n: number, verdict: 'Supported' | 'Speculative' | 'Unsupported') {
  await highlight(page, n).click();
  const panel = page.locator('article[aria-labelledby="selected-claim"]');
  await panel.getByRole('radio', { name: verdict, exact: true }).check();
  await expectPage(panel.getByText('Saved.')).toBeVisible({ timeout: 30_000 });
}

/** The instances' readiness: which holds how many event streams, and whether each listener is connected. */
async function readiness() {
  return Promise.all(
    apps.map(async (app) => {
      const body = (await (await fetch(`${app.url}/api/ready`)).json()) as {
        listener: string;
        streams: number;
      };
      return body;
    }),
  );
}

test('a save in a browser on one instance recolours the claim in a browser on the other, without a reload', async () => {
  const [first, second] = apps as [StartedApp, StartedApp];
  const a = await reviewerTab('reviewer1@example.org', first.url);
  const b = await reviewerTab('reviewer2@example.org', second.url);
  await expectPage.poll(async () => (await readiness()).map((r) => r.streams)).toEqual([1, 1]);
  await judge(a, 3, 'Unsupported');
  const saved = Date.now();
  await expectPage(highlight(b, 3)).toHaveAttribute('data-status', 'UNSUPPORTED', { timeout: 10_000 });
  console.log(`The other instance's browser showed the save ${Date.now() - saved} ms after it was answered.`);
});

test("the instance holding a browser's event stream is killed under load: the other serves, and the browser reconnects through nginx", async () => {
  const watcher = await reviewerTab('reviewer2@example.org', nginx.url);
  // Which instance nginx gave the watcher's event stream (the first test's tabs hold one on each).
  let holder = -1;
  await expectPage
    .poll(async () => {
      const streams = (await readiness()).map((r) => r.streams);
      holder = streams.indexOf(2);
      return holder;
    })
    .toBeGreaterThanOrEqual(0);
  const doomed = apps[holder] as StartedApp;

  const cookie = await cookieOf('reviewer1@example.org', (apps[1 - holder] as StartedApp).url);
  const claimIds = await withDatabase(databaseUrl, async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM "Claim" WHERE "documentId" = $1 ORDER BY number OFFSET 20 LIMIT 2`,
      [documentId],
    );
    return rows.map((r) => r.id);
  });
  const load = startLoad({ url: nginx.url, cookie, claimIds, runId });
  await sleep(2_000);
  process.kill(-doomed.pid, 'SIGKILL');
  const killedAt = Date.now();
  await sleep(4_000);

  // The watcher's stream moved to the survivor, and a save through nginx reaches it there.
  const actor = await reviewerTab('reviewer1@example.org', nginx.url);
  await judge(actor, 5, 'Speculative');
  await expectPage(highlight(watcher, 5)).toHaveAttribute('data-status', 'SPECULATIVE', { timeout: 15_000 });
  await load.stop();
  // Only requests in flight at the kill may fail (nginx cannot replay a save it had sent); from a second after
  // it, everything succeeds, and no acknowledged write is lost.
  const late = load.outcomes.filter((o) => o.started > killedAt + 1_000);
  expect(late.length).toBeGreaterThan(0);
  expect(late.filter((o) => ![200, 201, 409].includes(o.status ?? 0))).toEqual([]);
  expect(await withDatabase(databaseUrl, (db) => load.lostWrites(db))).toEqual([]);

  // Started again where nginx expects it, for the next test.
  apps[holder] = await startApp({ ...env(), PORT: new URL(doomed.url).port });
});

test('PostgreSQL restarted: every listener reconnects and the browsers catch up', async () => {
  const [first, second] = apps as [StartedApp, StartedApp];
  const a = await reviewerTab('reviewer1@example.org', first.url);
  const b = await reviewerTab('reviewer2@example.org', second.url);
  await expectPage
    .poll(async () => (await readiness()).map((r) => r.listener))
    .toEqual(['listening', 'listening']);

  await server.stop();
  await sleep(2_000);
  await server.start();
  // A save as soon as the database takes it: the listeners may not have reconnected yet, and whatever they
  // missed reaches the browsers as a resync.
  await expectPage(async () => judge(a, 7, 'Supported')).toPass({ timeout: 30_000 });
  await expectPage(highlight(b, 7)).toHaveAttribute('data-status', 'SUPPORTED', { timeout: 20_000 });
  await expectPage
    .poll(async () => (await readiness()).map((r) => r.listener), { timeout: 20_000 })
    .toEqual(['listening', 'listening']);
  // And live again: the next save arrives as an event.
  await judge(b, 9, 'Unsupported');
  await expectPage(highlight(a, 9)).toHaveAttribute('data-status', 'UNSUPPORTED', { timeout: 10_000 });
});
