// Applies prisma/migrations/*/migration.sql with pg alone, keeping Prisma's own _prisma_migrations
// bookkeeping, so `prisma migrate deploy` would agree with what ran here. The Prisma CLI cannot do this
// itself on machines that cannot download its native schema engine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// The key Prisma's engine uses, so a Prisma migrate running at the same time waits for us and vice versa.
const PRISMA_ADVISORY_LOCK = 72707369;

export async function migrateDatabase(options: { url: string; dir?: string }): Promise<string[]> {
  const dir = options.dir ?? path.resolve('prisma/migrations');
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    // Two app instances starting at once wait here rather than applying the same migration twice.
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL');
    const failed = rows.filter((r) => !r.finished_at).map((r) => r.migration_name);
    if (failed.length > 0) {
      throw new Error(
        `A previous migration failed (${failed.join(', ')}). Fix the database by hand, then mark it rolled back in _prisma_migrations.`,
      );
    }
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const name of migrationNames(dir)) {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = crypto.createHash('sha256').update(sql).digest('hex');
      if (done.has(name)) {
        if (done.get(name) !== checksum) {
          throw new Error(
            `Migration ${name} was edited after it was applied. Write a new migration instead.`,
          );
        }
        continue;
      }
      const id = crypto.randomUUID();
      await client.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
        [id, checksum, name],
      );
      try {
        // One simple-protocol query: PostgreSQL runs a multi-statement string as one implicit transaction.
        await client.query(sql);
      } catch (e) {
        await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, String(e)]);
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`);
      }
      await client.query(
        'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
        [id],
      );
      applied.push(name);
    }
    return applied;
  } finally {
    // Closing the session releases the advisory lock.
    await client.end();
  }
}

/** The migrations in `dir`, in the order they apply. */
export function migrationNames(dir = path.resolve('prisma/migrations')): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
