import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { diffSchemaAgainstMigrations } from '@/lib/db/schema-diff';

describe('migrations', () => {
  // Prisma's schema engine (WebAssembly) replays every migration into PGlite: a minute of CPU on a busy machine.
  it('produce exactly what schema.prisma describes (drift check)', { timeout: 180_000 }, async () => {
    const missing = await diffSchemaAgainstMigrations({
      schemaPath: path.resolve('prisma/schema.prisma'),
      migrationsDir: path.resolve('prisma/migrations'),
    });
    expect(missing, 'schema.prisma changed without a migration: run `npm run db:migration -- <name>`').toBe(
      '',
    );
  });

  it('are recorded in _prisma_migrations, and a second run applies nothing', async () => {
    const url = process.env.DATABASE_URL as string;
    expect(await migrateDatabase({ url })).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, finished_at FROM "_prisma_migrations"');
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('can run from two starts at once without applying anything twice', async () => {
    const url = process.env.DATABASE_URL as string;
    const results = await Promise.all([migrateDatabase({ url }), migrateDatabase({ url })]);
    expect(results).toEqual([[], []]);
  });
});
