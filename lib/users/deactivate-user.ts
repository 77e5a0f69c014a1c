import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { lockUserWithAdmins, refuseLastAdmin } from './lock-user';

/**
 * Stops a user from signing in and ends every session they have at once. Their work stays, attributed to them.
 * Deactivating someone who is already deactivated changes nothing.
 */
export async function deactivateUser(options: { userId: string; actorId: string }) {
  return transaction(async (tx) => {
    const locked = await lockUserWithAdmins(tx, options.userId);
    const { user } = locked;
    if (user.deactivatedAt) return { id: user.id, name: user.name, changed: false };
    refuseLastAdmin(locked, 'they cannot be deactivated');
    const deactivatedAt = new Date();
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt } });
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'user.deactivated',
      entityType: 'User',
      entityId: user.id,
      before: { deactivatedAt: null },
      after: { deactivatedAt: deactivatedAt.toISOString(), sessionsEnded: sessions.count },
    });
    return { id: user.id, name: user.name, changed: true };
  });
}
