// The single Prisma client. It talks to PostgreSQL through node-postgres, so no native engine is involved.
import { isMainThread } from 'node:worker_threads';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

type Database = { prisma: PrismaClient; pool: pg.Pool };

// Prisma stores DateTime as `timestamp` without a time zone, in UTC; node-postgres would read it as local
// time. Prisma's adapter parses its own queries; this is for statements sent to the pool (lib/db/sql.ts).
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function createDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
  // An export worker (lib/exports/export-worker-pool.ts) reads one export's batches, at most three at once.
  const max = isMainThread ? 10 : 3;
  // One pool for both: Prisma's adapter, and the few statements that skip Prisma's client (ADR 0010).
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, types });
  // A connection that fails while idle (a database restart) is dropped by the pool; without a listener, the
  // error would end the process.
  pool.on('error', (e) => console.error(`An idle database connection failed: ${e.message}`));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Errors are logged, never shown: the stack trace Prisma would otherwise capture for every query is waste.
    errorFormat: 'minimal',
  });
  return { prisma, pool };
}

// Pages and route handlers are bundled separately; globalThis keeps one pool per process.
const store = globalThis as unknown as { database?: Database };

const database = () => {
  store.database ??= createDatabase();
  return store.database;
};

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, key) {
    const client = database().prisma;
    const value = Reflect.get(client, key);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

/** The pool under Prisma's adapter, for lib/db/sql.ts. */
export const databasePool = (): pg.Pool => database().pool;

/** Closes the client and its pool; the next query opens new ones. */
export async function disconnectPrisma() {
  const current = store.database;
  store.database = undefined;
  // Prisma's adapter ends the pool only if Prisma ever connected; end it here otherwise.
  await current?.prisma.$disconnect();
  if (current && !current.pool.ended) await current.pool.end();
}

export type { Prisma } from './generated/client';
