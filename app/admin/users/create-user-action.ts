'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { createUser, NewUser } from '@/lib/users/create-user';

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return guardedAction('user.manage', NewUser, input, async (user, data) => {
    const created = await createUser({ ...data, actorId: user.id });
    revalidatePath('/admin/users');
    return {
      ok: true,
      message: `${created.name} can now sign in as ${created.email}.`,
      data: { id: created.id },
    };
  });
}
