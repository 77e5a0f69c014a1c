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
