const encoder = new TextEncoder();

/**
 * A response body that asks the formatter for its next chunk only when the client has taken the last one (a
 * pull source with no queue ahead), so a slow download slows the database reads instead of buffering the
 * export in memory. A client that goes away cancels the stream, which ends the formatter and its queries.
 */
export function readableStreamOf(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
