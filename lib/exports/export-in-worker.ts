import path from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { ReadFrom } from '@/lib/db/prisma';
import { workerReplies } from '@/lib/workers/worker-replies';
import type { ExportFormat } from './export-formats';
import type { ReviewFilter, ReviewHeader } from './review-types';

// Exports written in worker threads (ADR 0008): the pool of workers, the messages between a worker and the
// server's thread, and the response body that streams what a worker writes.

/**
 * Chunks the worker may write before the reader takes them: the next one is written while this one goes to
 * the client, and no more, so a slow download still slows the database reads rather than filling memory.
 */
const CHUNKS_AHEAD = 2;

/**
 * One export in the given format, written in an export worker (export-worker-thread.ts, ADR 0008) that reads
 * the claims itself. This thread only passes the chunks on; the header is read here, before the first byte,
 * so a missing document or a refusal is an HTTP status rather than a broken download.
 */
export async function* exportInWorker(
  format: ExportFormat,
  header: ReviewHeader,
  source: ExportSource,
): AsyncIterable<Uint8Array> {
  const worker = await takeExportWorker(format === 'pdf' ? 'pdf' : 'text');
  const inbox = workerReplies<ExportWorkerReply>(worker, {
    error: (error) =>
      new Error(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The ${format} export needs more memory than one export may use. Filter the claims to export fewer at once.`
          : `The ${format} export could not be written: ${error.message}`,
      ),
    exit: (code) => new Error(`The ${format} export's worker stopped before the end (exit code ${code}).`),
  });
  const send = (message: ExportWorkerRequest) => worker.postMessage(message);
  let finished = false;
  try {
    send({ type: 'start', format, header, source });
    for (let i = 0; i < CHUNKS_AHEAD; i++) send({ type: 'next' });
    for (;;) {
      const reply = await inbox.take();
      if (reply.type === 'error')
        throw new Error(`The ${format} export could not be written: ${reply.message}`);
      if (reply.type === 'done') break;
      yield reply.chunk;
      send({ type: 'next' });
    }
    finished = true;
  } finally {
    inbox.close();
    // An export left half-written (a cancelled download, a failure) would leave the worker mid-document.
    if (finished) giveExportWorkerBack(worker);
    else discardExportWorker(worker);
  }
}

/**
 * What an export reads: the document's claims that the filter selects, linked to from the app at appUrl, from
 * the server its header came from.
 */
type ExportSource = { documentId: string; filter: ReviewFilter; appUrl: string; from?: ReadFrom };

/** From the main thread to an export worker: start an export, or send one more chunk of it. */
export type ExportWorkerRequest =
  | { type: 'start'; format: ExportFormat; header: ReviewHeader; source: ExportSource }
  | { type: 'next' };

/** From an export worker to the main thread: a chunk of the file, the end, or what went wrong. */
export type ExportWorkerReply =
  | { type: 'chunk'; chunk: Uint8Array }
  | { type: 'done' }
  | { type: 'error'; message: string };

// Exports run in worker threads (ADR 0008), each with a heap capped on its own. An export allocates quickly and
// holds little, and V8 sizes a heap by how much its owner may grow, not by what it holds: on the server's own
// thread a 10,000-claim export raised peak memory by 40 to 110 MB while it never held more than 6 MB at once.
// Under a cap of its own V8 collects sooner, so memory no longer grows with the document, and the server's
// thread stays free to answer other requests while a long PDF is drawn. Two workers match the two cores these
// servers have; a third export waits for one of them.
const MAX_WORKERS = 2;

/** A PDF worker draws with pdfkit; a text worker writes every other format. Each kind has its own heap cap. */
type ExportWorkerKind = 'pdf' | 'text';

const RESOURCE_LIMITS: Record<ExportWorkerKind, ResourceLimits> = {
  text: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 },
  // Drawing allocates about 500 MB a second: with twice the young generation, 10,000 claims took 4.3 s, not 4.8.
  pdf: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 },
};
// From the project root, like the fonts: the app always runs there, from its source. The comments keep Next's
// build from following the path and bundling the worker (and tsx, and esbuild) into the server's code.
const WORKER_FILE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  'lib/exports/export-worker-entry.mjs',
);

const live = new Map<Worker, ExportWorkerKind>();
const idle: Worker[] = [];
const waiting: Array<{ kind: ExportWorkerKind; take: (worker: Worker) => void }> = [];

function startWorker(kind: ExportWorkerKind): Worker {
  const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, {
    resourceLimits: RESOURCE_LIMITS[kind],
  });
  live.set(worker, kind);
  // A worker that dies on its own (out of memory, say) frees its place too.
  worker.once('exit', () => {
    live.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    serveWaiting();
  });
  return worker;
}

/** Gives the first waiting export an idle worker of its kind, or a new one while there is room for it. */
function serveWaiting() {
  for (let next = waiting[0]; next; next = waiting[0]) {
    const at = idle.findIndex((worker) => live.get(worker) === next.kind);
    if (at < 0 && live.size >= MAX_WORKERS) {
      // Every place is taken: an idle worker of the other kind makes room, or the export waits for one.
      const other = idle.shift();
      if (!other) return;
      stopWorker(other);
      continue;
    }
    waiting.shift();
    next.take(at >= 0 ? (idle.splice(at, 1)[0] as Worker) : startWorker(next.kind));
  }
}

/** Stops a worker and frees its place at once; it finishes exiting on its own. */
function stopWorker(worker: Worker) {
  live.delete(worker);
  void worker.terminate();
}

/** A worker for one export, started if none of its kind is idle; waits while the maximum are busy. */
async function takeExportWorker(kind: ExportWorkerKind): Promise<Worker> {
  const worker = await new Promise<Worker>((take) => {
    waiting.push({ kind, take });
    serveWaiting();
  });
  worker.ref();
  return worker;
}

/** Gives back a worker that finished its export; an idle worker does not keep the process alive. */
function giveExportWorkerBack(worker: Worker) {
  worker.unref();
  idle.push(worker);
  serveWaiting();
}

/** Stops a worker whose export did not finish (a cancelled download, a failure); a fresh one takes its place. */
function discardExportWorker(worker: Worker) {
  stopWorker(worker);
  serveWaiting();
}

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
