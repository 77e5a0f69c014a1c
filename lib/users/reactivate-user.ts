import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { lockUserWithAdmins } from './lock-user';

/** Lets a deactivated user sign in again, with the role they had. Reactivating an active user changes nothing. */
export async function reactivateUser(options: { userId: string; actorId: string }) {
  return transaction(async (tx) => {
    const { user } = await lockUserWithAdmins(tx, options.userId);
    if (!user.deactivatedAt) return { id: user.id, name: user.name, changed: false };
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: null } });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'user.reactivated',
      entityType: 'User',
      entityId: user.id,
      before: { deactivatedAt: user.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    });
    return { id: user.id, name: user.name, changed: true };
  });
}
