// One import through the running app, with reviewers reading pages and /api/health polled throughout: how long
// it took and how it ended, the server's peak memory, its event-loop lag from inside (event-loop-lag.mjs), the
// health polls it missed, the readers' latency, and whether any Document or Claim row was written on the way.
// The same figures for the readers alone, with no import, show what the import adds to them.
// An import that runs past its time or its memory cap is stopped by killing the app, so one bad import cannot
// hold the machine (it once took 10 minutes and 7 GB): the figures then say so.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { type ImportBody, type ImportOutcome, importThroughApi } from './api-import';
import type { sampleRss } from './process-memory';
import type { pollHealth, startReaders } from './traffic';

type Lag = { samples: number; p50: number; p99: number; max: number };

/** What the server went through in a span of time. */
export type Load = {
  peakRss: number;
  lag: Lag | null;
  health: { polls: number; misses: number };
  pages: { requests: number; p95: number; failures: number };
};

type Watchers = {
  app: { url: string; pid: number };
  rss: ReturnType<typeof sampleRss>;
  readers: ReturnType<typeof startReaders>;
  health: ReturnType<typeof pollHealth>;
  lagFile: string;
};

export type ImportRun = Load & {
  outcome: ImportOutcome | null;
  /** Why the bench stopped the app, or null. */
  aborted: string | null;
  seconds: number;
  start: number;
  end: number;
  rows: {
    documentsBefore: number;
    claimsBefore: number;
    documentsAfter: number;
    claimsAfter: number;
    claimsMax: number;
  };
};

const ROW_WATCH_MS = 500;
const CAP_CHECK_MS = 100;
const LAG_WAIT_MS = 10_000;

/** The readers alone for `ms`, with no import: the reference for an import's figures. */
export async function readersAlone(options: Watchers & { ms: number }): Promise<Load> {
  await readLag(options.app.pid, options.lagFile);
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.ms));
  const end = performance.now();
  const lag = await readLag(options.app.pid, options.lagFile);
  return { ...(await spanOf(options, start, end)), lag };
}

async function spanOf(watchers: Watchers, start: number, end: number): Promise<Omit<Load, 'lag'>> {
  return {
    peakRss: Math.max(...watchers.rss.between(start, end).map((s) => s.bytes)),
    health: await watchers.health.between(start, end),
    pages: await watchers.readers.between(start, end),
  };
}

export async function importDuringLoad(
  options: Watchers & {
    cookie: string;
    databaseUrl: string;
    article: ImportBody;
    /** Stop the app when it holds this much more than `idleRss`, or the import takes longer than `timeoutMs`. */
    idleRss: number;
    capBytes: number;
    timeoutMs: number;
  },
): Promise<ImportRun> {
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const before = await countRows(db);
    // Batches that commit show here, even if a failed import removes them again.
    let claimsMax = before.claims;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        claimsMax = Math.max(claimsMax, (await countRows(db)).claims);
        await new Promise((resolve) => setTimeout(resolve, ROW_WATCH_MS));
      }
    })();

    await readLag(options.app.pid, options.lagFile); // starts the histogram afresh
    let aborted: string | null = null;
    const stopApp = (reason: string) => {
      if (aborted) return;
      aborted = reason;
      process.kill(options.app.pid, 'SIGKILL');
    };
    const cap = setInterval(() => {
      const last = options.rss.samples.at(-1);
      if (last && last.bytes - options.idleRss > options.capBytes) {
        stopApp(`RSS over idle passed ${(options.capBytes / 2 ** 20).toFixed(0)} MB`);
      }
    }, CAP_CHECK_MS);
    const timer = setTimeout(
      () => stopApp(`not done after ${options.timeoutMs / 1000} s`),
      options.timeoutMs,
    );

    const start = performance.now();
    const outcome = await importThroughApi({
      base: options.app.url,
      cookie: options.cookie,
      article: options.article,
      timeoutMs: options.timeoutMs + 5_000,
    }).catch((e) => {
      if (!aborted) stopApp(`the import failed: ${(e as Error).message}`);
      return null;
    });
    const end = performance.now();
    clearTimeout(timer);
    clearInterval(cap);
    watching = false;
    await watch;
    const lag = aborted ? null : await readLag(options.app.pid, options.lagFile);
    const after = await countRows(db);
    return {
      outcome,
      aborted,
      seconds: (end - start) / 1000,
      start,
      end,
      ...(await spanOf(options, start, end)),
      lag,
      rows: {
        documentsBefore: before.documents,
        claimsBefore: before.claims,
        documentsAfter: after.documents,
        claimsAfter: after.claims,
        claimsMax: Math.max(claimsMax, after.claims),
      },
    };
  } finally {
    await db.end();
  }
}

async function countRows(db: pg.Client) {
  const { rows } = await db.query<{ documents: number; claims: number }>(
    'SELECT (SELECT count(*)::int FROM "Document") AS documents, (SELECT count(*)::int FROM "Claim") AS claims',
  );
  return rows[0] as { documents: number; claims: number };
}

/** Asks the server for its lag since the last ask (event-loop-lag.mjs), and waits for its line. */
async function readLag(pid: number, file: string): Promise<Lag | null> {
  const lines = () =>
    fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
  const known = lines().length;
  process.kill(pid, 'SIGUSR2');
  const deadline = performance.now() + LAG_WAIT_MS;
  while (performance.now() < deadline) {
    const now = lines();
    if (now.length > known) return JSON.parse(now.at(-1) as string);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
