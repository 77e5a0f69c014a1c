// The single Prisma client. It talks to PostgreSQL through node-postgres, so no native engine is involved.
import { isMainThread } from 'node:worker_threads';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

function createClient() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
  // An export worker (lib/exports/export-worker-pool.ts) reads one export's batches, at most three at once.
  const max = isMainThread ? 10 : 3;
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max, connectionTimeoutMillis: 5_000 }),
  });
}

// Pages and route handlers are bundled separately; globalThis keeps one pool per process.
const store = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, key) {
    store.prisma ??= createClient();
    const value = Reflect.get(store.prisma, key);
    return typeof value === 'function' ? value.bind(store.prisma) : value;
  },
});

export async function disconnectPrisma() {
  await store.prisma?.$disconnect();
  store.prisma = undefined;
}

export type { Prisma } from './generated/client';
