// The worker thread that writes exports (started by export-in-worker.ts). It reads the claims itself, batch by
// batch, and writes one export at a time, only as fast as the main thread asks: each `next` message is leave to
// send one more chunk, and chunks asked for while one is being written queue up as credit.
import { parentPort } from 'node:worker_threads';
import { EXPORT_FORMATTERS } from './export-formatters';
import type { ExportWorkerReply, ExportWorkerRequest } from './export-in-worker';
import { reviewClaimBatches } from './review-claim-batches';

const port = parentPort;
if (!port) throw new Error('export-worker-thread.ts runs as a worker thread; see export-in-worker.ts.');

const encoder = new TextEncoder();
let chunks: AsyncIterator<string | Uint8Array> | null = null;
let credit = 0;
let writing = false;

function reply(message: ExportWorkerReply) {
  // A chunk that owns its whole buffer moves to the main thread without a copy; one that shares a buffer
  // (Node's small Buffers come from a common pool) is copied, since moving it would take the pool along.
  const chunk = message.type === 'chunk' ? message.chunk : null;
  const movable = chunk && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
  port?.postMessage(message, movable ? [chunk.buffer as ArrayBuffer] : []);
}

async function write() {
  if (writing) return;
  writing = true;
  try {
    while (chunks && credit > 0) {
      credit--;
      const next = await chunks.next();
      if (next.done) {
        chunks = null;
        reply({ type: 'done' });
      } else {
        const chunk = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
        reply({ type: 'chunk', chunk });
      }
    }
  } catch (e) {
    chunks = null;
    reply({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    writing = false;
  }
}

port.on('message', (message: ExportWorkerRequest) => {
  if (message.type === 'start') {
    const { format, header, source } = message;
    chunks = EXPORT_FORMATTERS[format](header, reviewClaimBatches(source))[Symbol.asyncIterator]();
    credit = 0;
    return;
  }
  // A `next` left over from a finished export finds no export and is dropped.
  credit++;
  void write();
});
