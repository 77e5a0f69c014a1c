// `npm start` with DATABASE_REPLICA_URL: a PostgreSQL 15 primary of the test's own and a hot standby streaming
// from it (tests/support/private-postgres.ts). Replay paused on the standby makes its lag as long as the test
// wants: a reader who did not write is served the replica's older data, the writer their own write from the
// primary, and once the replica has replayed the write, the writer too reads from the replica. With the replica
// stopped, the summary and the exports are served from the primary.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { actionReturnValue, builtActions } from '@/tests/e2e/server-actions';
import { createPrivatePostgres, type PrivatePostgres } from '@/tests/support/private-postgres';
import { type StartedApp, startApp } from '@/tests/support/started-app';
import { withDatabase } from '@/tests/support/test-database';

const ROOT = path.resolve(import.meta.dirname, '../..');
const runId = crypto.randomBytes(4).toString('hex');
let primary: PrivatePostgres;
let replica: PrivatePostgres;
let app: StartedApp;
let primaryUrl: string;
let replicaUrl: string;
let documentId: string;
let claimId: string;
let otherClaimId: string;
let reviewer: string;
let viewer: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  primary = await createPrivatePostgres();
  replica = await primary.replicate();
  primaryUrl = primary.url('evidence_review');
  replicaUrl = replica.url('evidence_review');
  app = await startApp({ DATABASE_URL: primaryUrl, DATABASE_REPLICA_URL: replicaUrl });
  [reviewer, viewer] = await Promise.all([
    app.signIn('reviewer1@example.org'),
    app.signIn('viewer@example.org'),
  ]);
  // Two claims that reviewer1 has not assessed, in the sample document.
  const rows = await withDatabase(primaryUrl, async (client) => {
    const { rows } = await client.query<{ documentId: string; claimId: string }>(
      `SELECT c."documentId", c.id AS "claimId" FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
       WHERE d.slug = 'low-dose-naltrexone-depression' AND c."deletedAt" IS NULL AND NOT EXISTS (
         SELECT 1 FROM "Assessment" a JOIN "User" u ON u.id = a."reviewerId"
         WHERE a."claimId" = c.id AND u.email = 'reviewer1@example.org')
       ORDER BY c.number LIMIT 2`,
    );
    return rows;
  });
  expect(rows).toHaveLength(2);
  documentId = rows[0]?.documentId as string;
  claimId = rows[0]?.claimId as string;
  otherClaimId = rows[1]?.claimId as string;
  await untilReplicaHas(`SELECT 1 FROM "Claim" WHERE id = '${otherClaimId}'`);
});

afterAll(async () => {
  if (app && !app.exited()) await app.interrupt();
  await replica?.remove();
  await primary?.remove();
});

async function untilReplicaHas(sql: string) {
  const deadline = Date.now() + 10_000;
  while ((await withDatabase(replicaUrl, (client) => client.query(sql))).rowCount === 0) {
    if (Date.now() > deadline) throw new Error(`The replica did not catch up within 10 s: ${sql}`);
    await sleep(100);
  }
}

/** Until the replica has replayed everything the primary has written so far. */
async function untilReplicaReplayedAll() {
  const { rows } = await withDatabase(primaryUrl, (client) =>
    client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn'),
  );
  await untilReplicaHas(`SELECT 1 WHERE pg_last_wal_replay_lsn() >= '${rows[0]?.lsn}'::pg_lsn`);
}

const onReplica = (sql: string) => withDatabase(replicaUrl, (client) => client.query(sql));

async function read(cookie: string, path: string): Promise<string> {
  const response = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } });
  const body = await response.text();
  expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(200);
  return body;
}

const summary = (cookie: string) => read(cookie, `/documents/${documentId}/summary`);
const exported = (cookie: string) => read(cookie, `/documents/${documentId}/export?format=json`);

test('the writer reads their write at once; others read the replica, which shows it once replayed', async () => {
  for (const cookie of [viewer, reviewer]) {
    expect(await summary(cookie)).toContain('naltrexone');
    expect(await exported(cookie)).toContain(claimId);
  }

  await onReplica('SELECT pg_wal_replay_pause()');
  const rationale = `Written while the replica lags ${runId}`;
  const saved = await fetch(`${app.url}/api/claims/${claimId}/assessment`, {
    method: 'PUT',
    headers: { Cookie: reviewer, 'Content-Type': 'application/json', Origin: app.url },
    body: JSON.stringify({ verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2', rationale, version: 0 }),
  });
  expect(saved.status, await saved.clone().text()).toBe(200);

  // The writer, on the primary.
  expect(await exported(reviewer)).toContain(rationale);
  expect(await summary(reviewer)).toContain(rationale);
  // Everyone else, on the paused replica: the write is not there yet.
  expect(await exported(viewer)).not.toContain(rationale);
  expect(await summary(viewer)).not.toContain(rationale);

  await onReplica('SELECT pg_wal_replay_resume()');
  const deadline = Date.now() + 10_000;
  while (!(await exported(viewer)).includes(rationale)) {
    if (Date.now() > deadline)
      throw new Error('The viewer did not see the write within 10 s of replay resuming.');
    await sleep(200);
  }
  expect(await summary(viewer)).toContain(rationale);
  await untilReplicaReplayedAll();

  // The replica has replayed the writer's write: the writer reads from it again, lag and all. A change made on
  // the primary while replay is paused shows to nobody.
  await onReplica('SELECT pg_wal_replay_pause()');
  const edited = `Edited on the primary ${runId}`;
  await withDatabase(primaryUrl, (client) =>
    client.query(`UPDATE "Claim" SET text = $1 WHERE id = $2`, [edited, otherClaimId]),
  );
  expect(await exported(reviewer)).not.toContain(edited);
  expect(await exported(viewer)).not.toContain(edited);

  // A write through a Server Action sends the writer to the primary again, edit and all.
  const action = builtActions(ROOT).find((a) => a.name === 'addCommentAction');
  if (!action) throw new Error('The build has no addCommentAction.');
  const comment = `Commented while the replica lags ${runId}`;
  const commented = await fetch(`${app.url}/documents/${documentId}`, {
    method: 'POST',
    headers: {
      'Next-Action': action.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: app.url,
      Cookie: reviewer,
    },
    body: JSON.stringify([{ documentId, claimId: otherClaimId, body: comment }]),
  });
  expect(actionReturnValue(await commented.text())).toMatchObject({ ok: true });

  const writer = await exported(reviewer);
  expect(writer).toContain(comment);
  expect(writer).toContain(edited);
  const other = await exported(viewer);
  expect(other).not.toContain(comment);
  expect(other).not.toContain(edited);
  await onReplica('SELECT pg_wal_replay_resume()');
});

test('with the replica stopped, the summary and the exports are read from the primary', async () => {
  const edited = `Edited with the replica down ${runId}`;
  await withDatabase(primaryUrl, (client) =>
    client.query(`UPDATE "Claim" SET text = $1 WHERE id = $2`, [edited, otherClaimId]),
  );
  await replica.stop();
  for (const cookie of [viewer, reviewer, viewer]) {
    expect(await summary(cookie)).toContain(edited);
    expect(await exported(cookie)).toContain(edited);
    expect(await read(cookie, `/documents/${documentId}/export?format=csv`)).toContain(edited);
  }
  expect(app.output()).toContain('The read replica could not be reached');
});
