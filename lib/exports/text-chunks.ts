// About 16,000 characters: big enough that a 10,000-claim export is a few hundred chunks, small enough that each
// stays in V8's young generation. A string or buffer over ~128 kB goes straight to the large-object space,
// which only a full collection frees, so per-batch chunks of a megabyte piled up as garbage and raised the
// export's peak memory with the document's size (tests/bench/export.bench.ts).
export const CHUNK_CHARACTERS = 16_384;

/** The pieces joined into chunks of about CHUNK_CHARACTERS, in order; no chunk is empty. */
export function* textChunks(pieces: Iterable<string>): Iterable<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
