// The data rule: every query goes through this one Prisma client. Use its query builder; where SQL is worth it,
// a tagged `$queryRaw`/`$executeRaw` template (parameters are always bound). Every use case that writes runs in
// `transaction()` and hands its `Tx` to the shared steps (claim lock, writes, consensus, audit events), so a
// change and its audit event commit together. No second pool, no `$queryRawUnsafe`.
import { isMainThread } from 'node:worker_threads';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { isRetryableDatabaseError } from '@/lib/errors';
import { Prisma, PrismaClient } from './generated/client';

/** The one transaction type every use case accepts. */
export type Tx = Prisma.TransactionClient;

type Database = { client: PrismaClient; pool: pg.Pool };

function createDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
  // An export worker (lib/exports/export-in-worker.ts) reads one export's batches, at most three at once.
  const max = isMainThread ? 10 : 3;
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // A connection that fails while idle (a database restart) is dropped by the pool; without a listener, the
  // error would end the process.
  pool.on('error', (e) => console.error(`An idle database connection failed: ${e.message}`));
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Errors are logged, never shown: the stack trace Prisma would otherwise capture for every query is waste.
    errorFormat: 'minimal',
  });
  return { client, pool };
}

// Pages and route handlers are bundled separately; globalThis keeps one client, and so one pool, per process.
const store = globalThis as unknown as { database?: Database };

const client = () => {
  store.database ??= createDatabase();
  return store.database.client;
};

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, key) {
    const current = client();
    const value = Reflect.get(current, key);
    return typeof value === 'function' ? value.bind(current) : value;
  },
});

// Saves queue on a claim's lock, and an import writes thousands of rows: wait for a connection and run longer
// than Prisma's defaults (2 s and 5 s) allow before giving up.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

// A serialization failure or a deadlock aborts a transaction through no fault of its own; PostgreSQL asks for it
// to be run again.
const ATTEMPTS = 3;

/**
 * Runs `work` in one transaction: committed if it returns, rolled back if it throws, and run again (up to three
 * times in all) when PostgreSQL aborted it for a serialization failure or a deadlock.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client().$transaction(work, TRANSACTION_OPTIONS);
    } catch (e) {
      if (attempt >= ATTEMPTS || !isRetryableDatabaseError(e)) throw e;
    }
  }
}

/** Closes the client and its pool; the next query opens new ones. */
export async function disconnectPrisma() {
  const current = store.database;
  store.database = undefined;
  // Prisma's adapter ends the pool only if Prisma ever connected; end it here otherwise.
  await current?.client.$disconnect();
  if (current && !current.pool.ended) await current.pool.end();
}

export { Prisma };
