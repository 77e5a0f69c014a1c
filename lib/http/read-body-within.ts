/**
 * A request body read up to a limit: a sender who streams more than `maxBytes` is cut off there instead of
 * filling the server's memory. `over` says the body went past the limit (and `bytes` holds only its start).
 */
export async function readBodyWithin(
  body: AsyncIterable<Uint8Array> | null,
  maxBytes: number,
): Promise<{ bytes: Buffer; over: boolean }> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (body) {
    for await (const chunk of body) {
      chunks.push(chunk);
      length += chunk.byteLength;
      if (length > maxBytes) return { bytes: Buffer.concat(chunks), over: true };
    }
  }
  return { bytes: Buffer.concat(chunks), over: false };
}
