'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn } from '@/lib/auth/sign-in';
import { singleLineText } from '@/lib/domain/input-schemas';
import { type ActionResult, actionFailure, fieldErrorsOf } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { safeNextPath } from '@/lib/http/safe-next-path';

const Input = z.object({
  email: singleLineText().trim().min(1, 'Enter your email address.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1024),
  // Whatever it holds, it only ever leads to a path on this site; anything else leads home.
  next: z.unknown().transform(safeNextPath),
});

export async function signInAction(input: unknown): Promise<ActionResult> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'VALIDATION',
      message: 'Check the fields marked below.',
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    };
  }
  try {
    const requestHeaders = await headers();
    await signIn({ ...parsed.data, ip: clientIp(requestHeaders), headers: requestHeaders });
  } catch (e) {
    return actionFailure(e);
  }
  redirect(parsed.data.next);
}
