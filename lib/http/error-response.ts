import { ZodError } from 'zod';
import { AppError, STATUS } from '@/lib/errors';

/** Maps any error to a JSON response. Only AppErrors say what went wrong; anything else is logged, not shown. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const problems = error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    return Response.json({ error: `Not valid: ${problems}.`, code: 'VALIDATION' }, { status: 422 });
  }
  if (error instanceof AppError) {
    return Response.json(
      { error: error.message, code: error.code, ...error.details },
      { status: STATUS[error.code] },
    );
  }
  console.error(error);
  return Response.json({ error: 'Something went wrong on our side. Please try again.' }, { status: 500 });
}
