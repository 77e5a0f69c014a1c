// What both resilience tests do around an outage of the app's database: a steady signed-in load before it, and
// afterwards the same checks that the app served again by itself and kept every write it acknowledged.
import { expect } from 'vitest';
import type { StartedApp } from './started-app';
import { withDatabase } from './test-database';
import { startLoad, untilServing } from './write-load';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signs a reviewer in and runs the load on three claims until it has run clean for 3 s; the fourth is the probe. */
export async function startSteadyLoad(options: {
  app: StartedApp;
  databaseUrl: string;
  runId: string;
  before: string;
}) {
  const { app, databaseUrl, runId } = options;
  const cookie = await app.signIn('reviewer1@example.org');
  const claimIds = await withDatabase(databaseUrl, async (db) => {
    // The sample document's claims: reviewer1 is a member of its project, not of the Sandbox's.
    const { rows } = await db.query<{ id: string }>(
      `SELECT c.id FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
       WHERE d.slug = 'low-dose-naltrexone-depression' ORDER BY c.start LIMIT 4`,
    );
    return rows.map((r) => r.id);
  });
  const [probeClaim, ...loadClaims] = claimIds;
  const load = startLoad({ url: app.url, cookie, claimIds: loadClaims, runId });
  await sleep(3_000);
  expect(load.failed(), `every request succeeds before the ${options.before}`).toEqual([]);

  /**
   * Waits for the app to serve again, stops the load and checks the recovery: within 10 s of `since`, without
   * a restart of the app, every answer since then sound, and every acknowledged write in the database.
   */
  const expectRecovered = async (since: number) => {
    const servingAt = await untilServing(app.url, cookie, probeClaim as string, 20_000);
    await sleep(3_000);
    await load.stop();
    expect(servingAt, 'the app serves again').not.toBeNull();
    expect((servingAt as number) - since).toBeLessThan(10_000);
    expect(app.exited(), 'the app itself was not restarted').toBe(false);
    expect(load.badAnswers(servingAt as number)).toEqual([]);
    const lost = await withDatabase(databaseUrl, (db) => load.lostWrites(db));
    expect(lost).toEqual([]);
    const acknowledged = load.acknowledged();
    expect(acknowledged.imports).toBeGreaterThan(0);
    expect(acknowledged.saves).toHaveLength(loadClaims.length);
  };
  return { load, expectRecovered };
}
