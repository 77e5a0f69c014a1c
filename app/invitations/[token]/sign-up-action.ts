'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn } from '@/lib/auth/sign-in';
import { type ActionResult, actionFailure, validationFailure } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { InvitationSignUp, signUpThroughInvitation } from '@/lib/invitations/sign-up-through-invitation';

const Input = InvitationSignUp.extend({ token: z.string() });

/**
 * Public on purpose, like signing in: the invitee has no account yet. The link's token is the credential, and it
 * is 32 random bytes, used up by the sign-up.
 */
export async function signUpThroughInvitationAction(input: unknown): Promise<ActionResult> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) return validationFailure(parsed.error.issues);
  let email: string;
  let projectId: string;
  try {
    ({ email, projectId } = await signUpThroughInvitation(parsed.data));
  } catch (e) {
    return actionFailure(e);
  }
  try {
    const requestHeaders = await headers();
    await signIn({
      email,
      password: parsed.data.password,
      ip: clientIp(requestHeaders),
      headers: requestHeaders,
    });
  } catch {
    return {
      ok: false,
      code: 'UNAVAILABLE',
      message: `Your account is ready and you are a member, but signing you in failed. Sign in as ${email}.`,
    };
  }
  // Straight into the project they were invited to, with its documents.
  redirect(`/projects/${projectId}`);
}
