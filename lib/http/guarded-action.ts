import type { z } from 'zod';
import { type CurrentUser, type ProjectScope, requireProjectUser, requireUser } from '@/lib/auth/guard';
import { INSTANCE_PERMISSIONS, type InstancePermission, type Permission } from '@/lib/auth/permissions';
import { rememberWrite } from '@/lib/db/replica-reads';
import { type ActionResult, actionFailure, validationFailure } from '@/lib/errors';
import type { ProjectAccess } from '@/lib/projects/project-access';

const SCOPE_FIELDS = ['projectId', 'documentId', 'claimId', 'commentId', 'citationId'] as const;

/**
 * The shape of every Server Action: check the session and role first (an action is a public endpoint), then
 * parse the input, then run. Failures come back as messages for the form, never as a stack trace.
 *
 * Inside a project, the ids the input names decide the role: they are read from the raw input before the rest is
 * parsed, so that a non-member is told "not found" and a member whose role does not allow the action is refused,
 * whatever else they sent. The user given to `run` carries their role in that project.
 *
 * After a write, its position is kept for the user (rememberWrite), so that their reads that may lag do not.
 */
export async function guardedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  input: unknown,
  run: (user: CurrentUser, data: z.output<S>, access: ProjectAccess | null) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    let user: CurrentUser;
    let access: ProjectAccess | null = null;
    if (INSTANCE_PERMISSIONS.includes(permission)) {
      user = await requireUser(permission as InstancePermission);
    } else {
      ({ user, access } = await requireProjectUser(permission, scopeOf(input)));
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) return validationFailure(parsed.error.issues);
    const result = await run(user, parsed.data, access);
    // Every action writes; what its user reads next (the summary, an export) must show the write.
    if (result.ok) await rememberWrite(user.id);
    return result;
  } catch (e) {
    return actionFailure(e);
  }
}

function scopeOf(input: unknown): ProjectScope {
  const scope: ProjectScope = {};
  if (typeof input !== 'object' || input === null) return scope;
  for (const field of SCOPE_FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value === 'string') scope[field] = value;
  }
  return scope;
}
