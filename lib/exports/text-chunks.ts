// About 65,000 characters: a 10,000-claim JSON export (23 MB) is about 360 chunks, each a message and a reply
// between the export worker and the server's thread. With 16,000 characters, four times as many round trips
// took 1.13–1.16 s against 1.06–1.09 s (npm run bench:export, JSON at 10,000 claims, two alternating pairs of
// five runs each on a noisy machine, so a small gain) and held no less. Much bigger
// chunks did: a string or buffer over 128 kB goes straight to V8's large-object space, which only a full
// collection frees, so per-batch chunks of a megabyte piled up as garbage and raised the export's peak memory
// with the document's size. (A chunk with characters beyond Latin-1 takes two bytes a character, so it is at
// that line; its peak memory measured no higher.)
export const CHUNK_CHARACTERS = 65_536;

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
