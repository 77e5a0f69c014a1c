import { describe, expect, it } from 'vitest';
import { GET as getReady } from '@/app/api/ready/route';
import { migrationNames } from '@/lib/db/migrate-database';
import { prisma } from '@/lib/db/prisma';

describe('GET /api/ready', () => {
  it('is 200 when the database answers and has every migration this build ships', async () => {
    const response = await getReady();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: 'ok',
      pending: [],
      listener: expect.stringMatching(/^(idle|listening|connecting)$/),
      streams: expect.any(Number),
    });
  });

  it('is 503 and names the migration when one is not applied (an instance started beside one still migrating)', async () => {
    const latest = migrationNames().at(-1) as string;
    // Marked rolled back for the length of the test only: nothing else reads the bookkeeping once migrated.
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${latest}`;
    try {
      const response = await getReady();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'not ready',
        database: 'ok',
        migrations: 'pending',
        pending: [latest],
        listener: expect.any(String),
        streams: expect.any(Number),
      });
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${latest}`;
    }
  });
});
