'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { changeUserRole } from '@/lib/users/change-user-role';

const Input = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  role: z.enum(ROLES, { error: 'Choose admin, reviewer or viewer.' }),
});

const AS_ROLE: Record<Role, string> = { ADMIN: 'an admin', REVIEWER: 'a reviewer', VIEWER: 'a viewer' };

export async function changeRoleAction(input: unknown): Promise<ActionResult<{ role: Role }>> {
  return guardedAction('user.manage', Input, input, async (user, data) => {
    const saved = await changeUserRole({ userId: data.userId, role: data.role, actorId: user.id });
    revalidatePath('/admin/users');
    const message = saved.changed
      ? `${saved.name} is now ${AS_ROLE[saved.role]}.`
      : `No change: ${saved.name} is already ${AS_ROLE[saved.role]}.`;
    return { ok: true, message, data: { role: saved.role } };
  });
}
