import { AppError } from '@/lib/errors';

/**
 * A JSON request body of at most `maxBytes`. Anything else is refused with a message that says what to send.
 * A body over the limit is read to its end, keeping nothing, before the refusal: a keep-alive connection with
 * unread bytes on it would make the client's next request wait for nothing and then be reset.
 */
export async function readJson(request: Request, options: { maxBytes: number; tooLarge: string }) {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new AppError('VALIDATION', 'Send the body as JSON (Content-Type: application/json).');
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > options.maxBytes) throw new AppError('TOO_LARGE', options.tooLarge);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length <= options.maxBytes) chunks.push(value);
  }
  if (length > options.maxBytes) throw new AppError('TOO_LARGE', options.tooLarge);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON.');
  }
}
