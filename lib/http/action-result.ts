import { AppError, type AppErrorCode } from '@/lib/errors';

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data: T }
  | {
      ok: false;
      code?: AppErrorCode;
      message: string;
      fieldErrors?: Record<string, string>;
      details?: Record<string, unknown>;
    };

/** What a Server Action returns for a failure: the user's message for AppErrors, a generic one for bugs. */
export function actionFailure(error: unknown): ActionResult<never> {
  if (error instanceof AppError) {
    const { current, ...fields } = error.details ?? {};
    const fieldErrors = Object.fromEntries(
      Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    return {
      ok: false,
      code: error.code,
      message: error.message,
      fieldErrors,
      details: current === undefined ? undefined : { current },
    };
  }
  // next/navigation's redirect() and notFound() work by throwing; they must reach Next.js untouched.
  if (error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_')) throw error;
  console.error(error);
  return { ok: false, message: 'Something went wrong on our side, and nothing was saved. Please try again.' };
}

/** What an action or endpoint returns for input that is not valid: a message per field, and nothing saved. */
export function validationFailure(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): ActionResult<never> {
  return {
    ok: false,
    code: 'VALIDATION',
    message: 'Nothing was saved: check the fields marked.',
    fieldErrors: fieldErrorsOf(issues),
  };
}

/** zod issues as one message per field, for display next to each field. */
export function fieldErrorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}
