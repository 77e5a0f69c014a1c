import type { Role } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';

export type LockedUser = { id: string; name: string; role: Role; deactivatedAt: Date | null };

/**
 * Locks the user and every active admin until the transaction ends, so a check on the number of active admins
 * still holds at commit. The rows are locked in id order in one statement, so two admins changing each other
 * wait for one another instead of deadlocking; the one that waits re-reads the rows and sees the first change.
 */
export async function lockUserWithAdmins(tx: Tx, userId: string) {
  const id = requireId(userId, 'The user');
  const rows = await tx.$queryRaw<LockedUser[]>`
    SELECT id, name, role, "deactivatedAt" FROM "User"
    WHERE id = ${id}::uuid OR (role = 'ADMIN' AND "deactivatedAt" IS NULL)
    ORDER BY id
    FOR UPDATE`;
  const user = rows.find((r) => r.id === id);
  if (!user) throw notFound('The user');
  const activeAdmins = rows.filter((r) => r.role === 'ADMIN' && r.deactivatedAt === null).length;
  return { user, activeAdmins };
}

/** Refuses a change that would leave nobody able to manage users. */
export function refuseLastAdmin(locked: { user: LockedUser; activeAdmins: number }, consequence: string) {
  const { user, activeAdmins } = locked;
  if (user.role === 'ADMIN' && user.deactivatedAt === null && activeAdmins <= 1) {
    throw new AppError(
      'CONFLICT',
      `${user.name} is the last active admin, so ${consequence}. Make another user an admin first.`,
    );
  }
}
