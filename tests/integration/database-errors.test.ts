import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PrismaClient } from '@/lib/db/generated/client';
import { prisma } from '@/lib/db/prisma';
import {
  failureOf,
  isDatabaseUnavailable,
  isRetryableDatabaseError,
  UNAVAILABLE_MESSAGE,
} from '@/lib/errors';

// What a real PostgreSQL answers, as it reaches the error map through Prisma and @prisma/adapter-pg.
const failureFrom = async (query: () => Promise<unknown>) => {
  try {
    await query();
  } catch (e) {
    return failureOf(e);
  }
  throw new Error('The query succeeded');
};

const clientsToClose: PrismaClient[] = [];
const clientAt = (url: string, options: pg.PoolConfig = {}) => {
  const client = new PrismaClient({
    adapter: new PrismaPg(new pg.Pool({ connectionString: url, ...options })),
  });
  clientsToClose.push(client);
  return client;
};

afterAll(async () => {
  await Promise.all(clientsToClose.map((c) => c.$disconnect()));
});

describe('PostgreSQL errors through the error map', () => {
  it('answers a NUL character (22021) with 422, from the query builder and from a raw query', async () => {
    const email = `nul-${Date.now()}@test.example`;
    for (const query of [
      () => prisma.user.create({ data: { email, name: 'Ada\u0000Lovelace' } }),
      () => prisma.$queryRaw`SELECT ${'a\u0000b'}::text`,
    ]) {
      const { status, failure } = await failureFrom(query);
      expect(status).toBe(422);
      expect(failure).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('NUL (U+0000)') });
    }
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it('answers text that is not a UUID (22P02) with 422', async () => {
    for (const query of [
      () => prisma.document.findUnique({ where: { id: 'not-a-uuid' } }),
      () => prisma.$queryRaw`SELECT ${'zz'}::uuid`,
    ]) {
      expect(await failureFrom(query)).toMatchObject({ status: 422, failure: { code: 'VALIDATION' } });
    }
  });

  it('answers a duplicate (23505) with 409 and a missing row with 404', async () => {
    const email = `twice-${Date.now()}@test.example`;
    await prisma.user.create({ data: { email, name: 'Once' } });
    expect((await failureFrom(() => prisma.user.create({ data: { email, name: 'Twice' } }))).status).toBe(
      409,
    );
    const missing = () =>
      prisma.document.update({
        where: { id: '00000000-0000-7000-8000-000000000000' },
        data: { title: 'x' },
      });
    expect((await failureFrom(missing)).status).toBe(404);
  });

  it('tells a serialization failure or deadlock apart, so a transaction can run again', async () => {
    const thrown = (query: Promise<unknown>) => query.catch((e: unknown) => e);
    const serialization = prisma.$executeRaw`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END $$`;
    const deadlock = prisma.$executeRaw`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40P01'; END $$`;
    const duplicate = prisma.$executeRaw`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '23505'; END $$`;
    expect(isRetryableDatabaseError(await thrown(serialization))).toBe(true);
    expect(isRetryableDatabaseError(await thrown(deadlock))).toBe(true);
    expect(isRetryableDatabaseError(await thrown(duplicate))).toBe(false);
  });
});

describe('a database that cannot be reached', () => {
  it('answers 503 when the connection is refused', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const closed = await closedPort();
    const client = clientAt(`postgresql://postgres@127.0.0.1:${closed}/postgres`);
    const queries = [
      () => client.user.count(),
      () => client.$queryRaw`SELECT 1`,
      () => client.$transaction((tx) => tx.user.count()),
    ];
    for (const query of queries) {
      expect(await failureFrom(query)).toEqual({
        status: 503,
        failure: { ok: false, code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE },
      });
    }
  });

  it('answers 503 when the server does not answer in time, or ends the connection', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const silent = net.createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const client = clientAt(`postgresql://postgres@127.0.0.1:${port}/postgres`, {
      connectionTimeoutMillis: 300,
    });
    expect((await failureFrom(() => client.user.count())).status).toBe(503);
    silent.close();

    const url = process.env.DATABASE_URL as string;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on('error', () => {});
    const terminated = new PrismaClient({ adapter: new PrismaPg(pool) });
    clientsToClose.push(terminated);
    const [backend] = await terminated.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    const failed = await terminated
      .$transaction(async (tx) => {
        await prisma.$queryRaw`SELECT pg_terminate_backend(${backend?.pid}::int)`;
        return tx.user.count();
      })
      .catch((e: unknown) => e);
    expect(isDatabaseUnavailable(failed)).toBe(true);
    expect(failureOf(failed).status).toBe(503);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
