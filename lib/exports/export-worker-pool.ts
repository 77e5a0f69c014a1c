import path from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';

// Exports run in worker threads (ADR 0008), each with a heap capped on its own. An export allocates quickly and
// holds little, and V8 sizes a heap by how much its owner may grow, not by what it holds: on the server's own
// thread a 10,000-claim export raised peak memory by 40 to 110 MB while it never held more than 6 MB at once.
// Under a cap of its own V8 collects sooner, so memory no longer grows with the document, and the server's
// thread stays free to answer other requests while a long PDF is drawn. Two workers match the two cores these
// servers have; a third export waits for one of them.
const MAX_WORKERS = 2;

/** A PDF worker draws with pdfkit; a text worker writes every other format. Each kind has its own heap cap. */
export type ExportWorkerKind = 'pdf' | 'text';

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
export async function takeExportWorker(kind: ExportWorkerKind): Promise<Worker> {
  const worker = await new Promise<Worker>((take) => {
    waiting.push({ kind, take });
    serveWaiting();
  });
  worker.ref();
  return worker;
}

/** Gives back a worker that finished its export; an idle worker does not keep the process alive. */
export function giveExportWorkerBack(worker: Worker) {
  worker.unref();
  idle.push(worker);
  serveWaiting();
}

/** Stops a worker whose export did not finish (a cancelled download, a failure); a fresh one takes its place. */
export function discardExportWorker(worker: Worker) {
  stopWorker(worker);
  serveWaiting();
}
