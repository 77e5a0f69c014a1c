'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { deactivateUser } from '@/lib/users/deactivate-user';
import { reactivateUser } from '@/lib/users/reactivate-user';

const Input = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  active: z.boolean({ error: 'Say whether the user should be active.' }),
});

export async function setUserActiveAction(input: unknown): Promise<ActionResult<{ active: boolean }>> {
  return guardedAction('user.manage', Input, input, async (user, data) => {
    const options = { userId: data.userId, actorId: user.id };
    const saved = data.active ? await reactivateUser(options) : await deactivateUser(options);
    revalidatePath('/admin/users');
    return {
      ok: true,
      message: messageFor(saved.name, data.active, saved.changed),
      data: { active: data.active },
    };
  });
}

function messageFor(name: string, active: boolean, changed: boolean) {
  if (!changed) return `No change: ${name} is already ${active ? 'active' : 'deactivated'}.`;
  return active ? `${name} can sign in again.` : `${name} is deactivated and signed out everywhere.`;
}
