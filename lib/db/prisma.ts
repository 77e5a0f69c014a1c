// The data rule: every query goes through this one Prisma client. Use its query builder; where SQL is worth it,
// a tagged `$queryRaw`/`$executeRaw` template (parameters are always bound). Every use case that writes runs in
// `transaction()` and hands its `Tx` to the shared steps (claim lock, writes, consensus, audit events), so a
// change and its audit event commit together. No second pool, no `$queryRawUnsafe`. The one exception to "one
// server" is a read replica (DATABASE_REPLICA_URL), reached through `readClient` below and only by the reads
// that may lag (lib/db/replica-reads.ts, ADR 0024).
import { isMainThread } from 'node:worker_threads';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { readEnv } from '@/lib/env';
import { isRetryableDatabaseError } from '@/lib/errors';
import { applicationName } from './application-name';
import { Prisma, PrismaClient } from './generated/client';

/** The one transaction type every use case accepts. */
export type Tx = Prisma.TransactionClient;

type Database = { client: PrismaClient; pool: pg.Pool };

function createDatabase(url: string, server: string): Database {
  const { DATABASE_POOL_SIZE } = readEnv();
  // An export worker (lib/exports/export-in-worker.ts) reads one export's batches, at most three at once.
  const max = isMainThread ? DATABASE_POOL_SIZE : Math.min(3, DATABASE_POOL_SIZE);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    // Names the instance, and whether this is the server's pool or an export worker's, in pg_stat_activity.
    application_name: applicationName('pool'),
  });
  // A connection that fails while idle (a database restart) is dropped by the pool; without a listener, the
  // error would end the process.
  pool.on('error', (e) => console.error(`An idle ${server} connection failed: ${e.message}`));
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Errors are logged, never shown: the stack trace Prisma would otherwise capture for every query is waste.
    errorFormat: 'minimal',
  });
  return { client, pool };
}

// Pages and route handlers are bundled separately; globalThis keeps one client, and so one pool, per process
// (and one more for the replica, when there is one).
const store = globalThis as unknown as { database?: Database; replica?: Database };

const client = () => {
  if (!store.database) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
    store.database = createDatabase(url, 'database');
  }
  return store.database.client;
};

const replicaClient = () => {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return client();
  store.replica ??= createDatabase(url, 'read replica');
  return store.replica.client;
};

const proxyOf = (current: () => PrismaClient): PrismaClient =>
  new Proxy({} as PrismaClient, {
    get(_, key) {
      const target = current();
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

export const prisma: PrismaClient = proxyOf(client);

const replica: PrismaClient = proxyOf(replicaClient);

/** The server a read goes to: the primary (DATABASE_URL), or the read replica for a read that may lag. */
export type ReadFrom = 'primary' | 'replica';

/**
 * The client for a read from `from`. Without DATABASE_REPLICA_URL the replica is the primary. Only the reads that
 * may lag ask for the replica, and only as lib/db/replica-reads.ts decides; writes never go there.
 */
export function readClient(from: ReadFrom): PrismaClient {
  return from === 'replica' ? replica : prisma;
}

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

/** Closes the clients and their pools; the next query opens new ones. */
export async function disconnectPrisma() {
  const current = [store.database, store.replica];
  store.database = undefined;
  store.replica = undefined;
  for (const database of current) {
    // Prisma's adapter ends the pool only if Prisma ever connected; end it here otherwise.
    await database?.client.$disconnect();
    if (database && !database.pool.ended) await database.pool.end();
  }
}

export { Prisma };
