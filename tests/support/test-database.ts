// Each test run gets a fresh database of its own, on the PostgreSQL that DATABASE_URL names, or on an embedded
// server when it is unset. Tests refuse any server that is not on this machine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export type TestDatabase = { url: string; drop: () => Promise<void> };

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const server = await testServer();
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: server.url(name),
    drop: async () => {
      // A signal to the whole process group (Ctrl-C, Playwright stopping its web server) also reaches an
      // embedded server, which may already be shutting down; its throwaway data goes with it either way.
      try {
        const client = new pg.Client({ connectionString: server.url('postgres') });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      } catch (e) {
        if ((e as { code?: string }).code !== '57P03') throw e;
      } finally {
        await server.stop();
      }
    },
  };
}

async function testServer(): Promise<{ url: (db: string) => string; stop: () => Promise<void> }> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const base = new URL(given);
    if (!LOCAL_HOSTS.has(base.hostname)) {
      throw new Error(
        `Tests only run against a PostgreSQL on this machine; DATABASE_URL points at ${base.hostname}.`,
      );
    }
    return {
      url: (db) => {
        const u = new URL(given);
        u.pathname = `/${db}`;
        return u.toString();
      },
      stop: async () => {},
    };
  }
  // A throwaway server per test process (initdb takes about a second), so parallel runs never share one and
  // one run's teardown cannot stop another's database.
  const dataDir = path.resolve('.data/test-postgres', crypto.randomBytes(6).toString('hex'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** A client on this URL for the length of `use`. */
export async function withDatabase<T>(url: string, use: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await use(db);
  } finally {
    await db.end();
  }
}
