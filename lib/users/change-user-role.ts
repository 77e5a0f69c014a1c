import { z } from 'zod';
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { ROLES, type Role } from '@/lib/auth/permissions';
import { transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { lockUserWithAdmins, refuseLastAdmin } from './lock-user';

const NewRole = z.enum(ROLES, { error: 'Choose admin, reviewer or viewer.' });

/** Gives a user another role. Choosing the role they already have changes nothing and is not an error. */
export async function changeUserRole(options: { userId: string; role: Role; actorId: string }) {
  const parsed = NewRole.safeParse(options.role);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Choose a role.';
    throw new AppError('VALIDATION', message, { role: message });
  }
  const role = parsed.data;
  return transaction(async (tx) => {
    const locked = await lockUserWithAdmins(tx, options.userId);
    const { user } = locked;
    if (user.role === role) return { id: user.id, name: user.name, role, changed: false };
    if (role !== 'ADMIN') refuseLastAdmin(locked, 'they must stay an admin');
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'user.role_changed',
      entityType: 'User',
      entityId: user.id,
      before: { role: user.role },
      after: { role },
    });
    return { id: user.id, name: user.name, role, changed: true };
  });
}
