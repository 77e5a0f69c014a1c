'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/guard';
import { type ActionResult, actionFailure, validationFailure } from '@/lib/errors';
import { acceptProjectInvitation } from '@/lib/invitations/accept-project-invitation';

const Input = z.object({ token: z.string() });

/**
 * Any signed-in user may call it, since they are not a member yet: the token names the invitation, and it is
 * accepted only by the account with the invited address.
 */
export async function acceptInvitationAction(input: unknown): Promise<ActionResult> {
  let projectId: string;
  try {
    const user = await requireUser();
    const parsed = Input.safeParse(input);
    if (!parsed.success) return validationFailure(parsed.error.issues);
    projectId = (await acceptProjectInvitation({ token: parsed.data.token, user })).projectId;
  } catch (e) {
    return actionFailure(e);
  }
  redirect(`/projects/${projectId}`);
}
