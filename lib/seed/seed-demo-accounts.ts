import crypto from 'node:crypto';
import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { createUser } from '@/lib/users/create-user';

const DEMO: Array<{ name: string; email: string; role: Role }> = [
  { name: 'Ada Admin', email: 'admin@example.org', role: 'ADMIN' },
  { name: 'Rita Reviewer', email: 'reviewer1@example.org', role: 'REVIEWER' },
  { name: 'Rob Reviewer', email: 'reviewer2@example.org', role: 'REVIEWER' },
  { name: 'Vic Viewer', email: 'viewer@example.org', role: 'VIEWER' },
];

/**
 * On a database with no users, creates one demo account per role with a random password, and returns the
 * credentials so the start-up output can show them once. Passwords are stored only as hashes, so they cannot
 * be shown again: that is what makes "once" true.
 */
export async function seedDemoAccounts(): Promise<Array<{ email: string; role: Role; password: string }>> {
  if ((await prisma.user.count()) > 0) return [];
  const created: Array<{ email: string; role: Role; password: string }> = [];
  for (const account of DEMO) {
    const password = crypto.randomBytes(9).toString('base64url');
    try {
      await createUser({ ...account, password, actorId: null });
    } catch (e) {
      // Another instance starting at the same moment made this account first; its output shows the password.
      if (e instanceof AppError && e.code === 'CONFLICT') continue;
      throw e;
    }
    created.push({ email: account.email, role: account.role, password });
  }
  return created;
}
