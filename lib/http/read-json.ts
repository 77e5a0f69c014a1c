import { AppError } from '@/lib/errors';
import { readBody } from './read-body';

/** A JSON request body of at most `maxBytes`. Anything else is refused with a message that says what to send. */
export async function readJson(request: Request, options: { maxBytes: number; tooLarge: string }) {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new AppError('VALIDATION', 'Send the body as JSON (Content-Type: application/json).');
  }
  const body = await readBody(request, options);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON.');
  }
}
