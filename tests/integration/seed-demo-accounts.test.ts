import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { seedDemoAccounts } from '@/lib/seed/seed-demo-accounts';

describe('seedDemoAccounts', () => {
  it('creates one account per role on a database with no users, and nothing once any user exists', async () => {
    // Other test files create users; this one needs the empty-database case, so it starts from none.
    await prisma.$executeRaw`TRUNCATE "User" CASCADE`;
    const first = await seedDemoAccounts();
    expect(first.map((a) => a.role).sort()).toEqual(['ADMIN', 'REVIEWER', 'REVIEWER', 'VIEWER']);
    expect(new Set(first.map((a) => a.password)).size).toBe(4);
    expect(await seedDemoAccounts()).toEqual([]);
    expect(await prisma.user.count()).toBe(4);
  });
});
