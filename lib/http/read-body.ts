import { AppError } from '@/lib/errors';

/**
 * A request body of at most `maxBytes`, read as it arrives. A body over the limit is read to its end, keeping
 * nothing, before the refusal: a keep-alive connection with unread bytes on it would make the client's next
 * request wait for nothing and then be reset.
 */
export async function readBody(
  request: Request,
  options: { maxBytes: number; tooLarge: string },
): Promise<Buffer> {
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
  return Buffer.concat(chunks);
}

/** Past this, a refused body is not worth reading to keep its connection: it is cancelled, which closes it. */
const DISCARD_AT_MOST = 32 * 1024 * 1024;

/**
 * Reads what is left of a request's body to its end, keeping nothing: for a route that refuses a request (its
 * origin, the session, the role) before reading the body it came with. The unread bytes would otherwise stay on
 * a keep-alive connection, as readBody explains. Reading first and checking after would hold a refused upload
 * of up to 20 MB in memory; this holds a chunk at a time.
 */
export async function discardBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed || request.body.locked) return;
  const reader = request.body.getReader();
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      length += value.byteLength;
      if (length > DISCARD_AT_MOST) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: there is nothing left to read.
  }
}
