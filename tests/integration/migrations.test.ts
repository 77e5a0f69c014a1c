import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { diffSchemaAgainstMigrations } from '@/lib/db/schema-diff';
import { createTestDatabase } from '@/tests/support/test-database';

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

  it('number the claims that exist before stable numbers as they were shown, and put old documents in a project', async () => {
    const all = path.resolve('prisma/migrations');
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    const names = fs.readdirSync(all).sort();
    const stable = names.find((name) => name.endsWith('_stable_claim_numbers')) as string;
    for (const name of names) {
      // The state before stable numbers: that migration and every later one left out.
      if (name >= stable && name !== 'migration_lock.toml') continue;
      fs.cpSync(path.join(all, name), path.join(before, name), { recursive: true });
    }
    const database = await createTestDatabase('evidence_review_it_numbers');
    const client = new pg.Client({ connectionString: database.url });
    try {
      await migrateDatabase({ url: database.url, dir: before });
      await client.connect();
      const document = async (slug: string) =>
        (
          await client.query<{ id: string }>(
            `INSERT INTO "Document" (id, slug, title, body, "updatedAt")
             VALUES (gen_random_uuid(), $1, $1, 'abcdefghij', now()) RETURNING id`,
            [slug],
          )
        ).rows[0]!.id;
      const [a, b] = [await document('a'), await document('b')];
      await client.query(
        `INSERT INTO "User" (id, name, email, role, "updatedAt")
         VALUES (gen_random_uuid(), 'Before', 'before@test.example', 'ADMIN', now())`,
      );
      // Inserted out of document order, with a deleted claim in the middle of a.
      for (const [documentId, start, deleted] of [
        [a, 6, false],
        [a, 0, false],
        [a, 4, true],
        [a, 2, false],
        [b, 1, false],
      ] as const) {
        await client.query(
          `INSERT INTO "Claim" (id, "documentId", text, quote, start, "end", "updatedAt", "deletedAt")
           VALUES (gen_random_uuid(), $1, 'x', 'x', $2, $2 + 1, now(), $3)`,
          [documentId, start, deleted ? new Date() : null],
        );
      }
      expect(await migrateDatabase({ url: database.url })).toEqual(
        expect.arrayContaining([expect.stringMatching(/_stable_claim_numbers$/)]),
      );
      const { rows } = await client.query<{ doc: string; start: number; number: number }>(
        `SELECT CASE WHEN "documentId" = $1 THEN 'a' ELSE 'b' END AS doc, start, number
         FROM "Claim" ORDER BY doc, number`,
        [a],
      );
      // What the workspace showed: 1, 2, 3 for a's live claims; the deleted one after them.
      expect(rows.map((r) => [r.doc, r.start, r.number])).toEqual([
        ['a', 0, 1],
        ['a', 2, 2],
        ['a', 6, 3],
        ['a', 4, 4],
        ['b', 1, 1],
      ]);
      // Review projects: what was there before goes into one project, "Reviews", with every user a member.
      const projects = await client.query<{ name: string; documents: number; lead: string }>(
        `SELECT p.name, (SELECT count(*)::int FROM "Document" d WHERE d."projectId" = p.id) AS documents,
           (SELECT u.email FROM "ProjectMember" m JOIN "User" u ON u.id = m."userId"
             WHERE m."projectId" = p.id AND m.role = 'LEAD') AS lead
         FROM "Project" p`,
      );
      expect(projects.rows).toEqual([{ name: 'Reviews', documents: 2, lead: 'before@test.example' }]);
      await expect(
        client.query(
          `INSERT INTO "Claim" (id, "documentId", number, text, quote, start, "end", "updatedAt")
           VALUES (gen_random_uuid(), $1, 2, 'x', 'x', 8, 9, now())`,
          [a],
        ),
      ).rejects.toMatchObject({ code: '23505' });
    } finally {
      await client.end().catch(() => undefined);
      await database.drop();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
