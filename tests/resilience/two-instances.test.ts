// Two app instances on one PostgreSQL behind nginx, started as the README's "Several instances" says: both at
// once (the migrations and the first start's seed run once), Debian's nginx running deploy/nginx.conf. A session
// made on one is good on the other, the sign-in limit counts across both, and requests through nginx, Server
// Actions included, land on both and succeed.
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { actionReturnValue, builtActions } from '@/tests/e2e/server-actions';
import { type StartedNginx, startNginx } from '@/tests/support/nginx';
import { type StartedApp, startApp } from '@/tests/support/started-app';
import { createTestDatabase, type TestDatabase, withDatabase } from '@/tests/support/test-database';

const ROOT = path.resolve(import.meta.dirname, '../..');
let db: TestDatabase;
let apps: StartedApp[] = [];
let nginx: StartedNginx | undefined;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase('evidence_review_two_instances');
  const env = { DATABASE_URL: db.url, TRUST_PROXY: '1' };
  apps = await Promise.all([startApp(env), startApp(env)]);
  nginx = await startNginx(apps.map((app) => app.url));
  base = nginx.url;
});

afterAll(async () => {
  nginx?.stop();
  await Promise.all(apps.map((app) => app.interrupt()));
  await db?.drop();
});

/** Whichever instance made the demo account printed its password. */
function passwordOf(email: string): string {
  for (const app of apps) {
    try {
      return app.passwordOf(email);
    } catch {}
  }
  throw new Error(`No instance printed a password for ${email}`);
}

async function signIn(url: string, email: string, password = passwordOf(email), address = '198.51.100.9') {
  return fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url, 'X-Forwarded-For': address },
    body: JSON.stringify({ email, password }),
  });
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

test('the two instances started together: one set of demo accounts, each printed once', async () => {
  const users = await withDatabase(
    db.url,
    async (client) => (await client.query('SELECT email FROM "User"')).rows,
  );
  expect(users).toHaveLength(4);
  for (const email of [
    'admin@example.org',
    'reviewer1@example.org',
    'reviewer2@example.org',
    'viewer@example.org',
  ]) {
    expect(apps.filter((app) => app.output().includes(email))).toHaveLength(1);
  }
});

test('a session made on one instance is good on the other', async () => {
  const [first, second] = apps as [StartedApp, StartedApp];
  const signedIn = await signIn(first.url, 'reviewer1@example.org');
  expect(signedIn.status).toBe(200);
  const cookie = cookieOf(signedIn);
  const page = await fetch(`${second.url}/`, { headers: { Cookie: cookie }, redirect: 'manual' });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Low-dose naltrexone review');
});

test('the sign-in limit counts the failures made on both instances', async () => {
  const [first, second] = apps as [StartedApp, StartedApp];
  const address = '203.0.113.77';
  for (let i = 0; i < 10; i++) {
    const wrong = await signIn(
      i % 2 ? second.url : first.url,
      'reviewer2@example.org',
      'not-the-password',
      address,
    );
    expect(wrong.status).toBe(401);
  }
  // The right password, on either instance: refused all the same until the minute is over.
  for (const app of [first, second]) {
    const refused = await signIn(app.url, 'reviewer2@example.org', undefined, address);
    expect(refused.status).toBe(429);
  }
});

test('requests through nginx reach both instances, and a Server Action succeeds on either', async () => {
  const signedIn = await signIn(base, 'reviewer1@example.org');
  expect(signedIn.status).toBe(200);
  const cookie = cookieOf(signedIn);
  const { documentId, claimId } = await withDatabase(db.url, async (client) => {
    const { rows } = await client.query<{ documentId: string; claimId: string }>(
      `SELECT d.id AS "documentId", c.id AS "claimId" FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
       WHERE d.slug = 'low-dose-naltrexone-depression' ORDER BY c.number LIMIT 1`,
    );
    return rows[0] as { documentId: string; claimId: string };
  });
  const action = builtActions(ROOT).find((a) => a.name === 'addCommentAction');
  if (!action) throw new Error('The build has no addCommentAction.');
  const before = (nginx as StartedNginx).accessLog().length;
  for (let i = 1; i <= 6; i++) {
    const response = await fetch(`${base}/documents/${documentId}`, {
      method: 'POST',
      headers: {
        'Next-Action': action.id,
        'Content-Type': 'text/plain;charset=UTF-8',
        Accept: 'text/x-component',
        Origin: base,
        Cookie: cookie,
      },
      body: JSON.stringify([{ documentId, claimId, body: `Through nginx, ${i}` }]),
    });
    expect(response.status).toBe(200);
    expect(actionReturnValue(await response.text())).toMatchObject({ ok: true });
  }
  const comments = await withDatabase(
    db.url,
    async (client) =>
      (await client.query(`SELECT body FROM "Comment" WHERE body LIKE 'Through nginx, %'`)).rows,
  );
  expect(comments).toHaveLength(6);
  const upstreams = (nginx as StartedNginx)
    .accessLog()
    .slice(before)
    .split('\n')
    .filter((line) => line.includes('"POST /documents/'))
    .map((line) => line.split(' ').at(-1));
  expect(new Set(upstreams), 'nginx sent the actions to both instances').toEqual(
    new Set(apps.map((app) => new URL(app.url).host)),
  );
});

test('a change saved on one instance reaches an event stream open on the other', async () => {
  const [first, second] = apps as [StartedApp, StartedApp];
  const watcher = cookieOf(await signIn(second.url, 'reviewer1@example.org'));
  // Not reviewer2: the sign-in limit test above has locked that account for a minute.
  const actor = cookieOf(await signIn(first.url, 'admin@example.org'));
  const { documentId, claimId } = await withDatabase(db.url, async (client) => {
    const { rows } = await client.query<{ documentId: string; claimId: string }>(
      `SELECT d.id AS "documentId", c.id AS "claimId" FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
       WHERE d.slug = 'low-dose-naltrexone-depression' ORDER BY c.number OFFSET 3 LIMIT 1`,
    );
    return rows[0] as { documentId: string; claimId: string };
  });
  const controller = new AbortController();
  const stream = await fetch(`${second.url}/api/documents/${documentId}/events`, {
    headers: { Cookie: watcher },
    signal: controller.signal,
  });
  expect(stream.status).toBe(200);
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const heard = (async () => {
    while (!text.includes('event: change')) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  })().catch(() => {});
  await new Promise((r) => setTimeout(r, 300));
  const saved = await fetch(`${first.url}/api/claims/${claimId}/assessment`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Cookie: actor, Origin: first.url },
    body: JSON.stringify({ verdict: 'SPECULATIVE', evidenceLevel: null, version: 0 }),
  });
  expect(saved.status).toBe(200);
  const started = Date.now();
  await Promise.race([heard, new Promise((r) => setTimeout(r, 10_000))]);
  controller.abort();
  expect(text).toContain('event: change');
  expect(text).toContain(`"claimId":"${claimId}"`);
  expect(text).toContain('"actorName":"Ada Admin"');
  expect(text).not.toContain('SPECULATIVE');
  console.log(
    `The event reached the other instance's stream ${Date.now() - started} ms after the save answered.`,
  );
});
