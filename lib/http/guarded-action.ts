import type { z } from 'zod';
import { type CurrentUser, requireUser } from '@/lib/auth/guard';
import type { Permission } from '@/lib/auth/permissions';
import { type ActionResult, actionFailure, validationFailure } from '@/lib/errors';

/**
 * The shape of every Server Action: check the session and role first (an action is a public endpoint), then
 * parse the input, then run. Failures come back as messages for the form, never as a stack trace.
 */
export async function guardedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  input: unknown,
  run: (user: CurrentUser, data: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    const user = await requireUser(permission);
    const parsed = schema.safeParse(input);
    if (!parsed.success) return validationFailure(parsed.error.issues);
    return await run(user, parsed.data);
  } catch (e) {
    return actionFailure(e);
  }
}
