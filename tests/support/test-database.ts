// Each test run gets a fresh database of its own, on the PostgreSQL that DATABASE_URL names, or on an embedded
// server when it is unset. Tests refuse any server that is not on this machine.
import crypto from 'node:crypto';
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
      const client = new pg.Client({ connectionString: server.url('postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await server.stop();
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
  return startEmbeddedPostgres({
    dataDir: process.env.TEST_EMBEDDED_POSTGRES_DIR ?? path.resolve('.data/test-postgres'),
    port: Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54330),
  });
}
