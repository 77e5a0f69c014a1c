import path from 'node:path';
import { Worker } from 'node:worker_threads';

// PDF drawing is CPU-bound and allocates quickly, so it runs in worker threads: the server keeps answering other
// requests while a long PDF is drawn, and each worker's heap has a cap of its own. Without the cap V8 lets the
// heap grow to several times what it holds before collecting it, so a 10,000-claim PDF raised the server's peak
// memory by about 100 MB although it never held more than 4 MB at once (ADR 0006). Two workers match the two
// cores these servers have; a third export waits for one of them.
const MAX_WORKERS = 2;
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };
// From the project root, like the fonts: the app always runs there, from its source. The comments keep Next's
// build from following the path and bundling the worker (and tsx, and esbuild) into the server's code.
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/exports/pdf-worker-entry.mjs');

const live = new Set<Worker>();
const idle: Worker[] = [];
const waiting: Array<(worker: Worker) => void> = [];

function startWorker(): Worker {
  const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, { resourceLimits: RESOURCE_LIMITS });
  live.add(worker);
  worker.once('exit', () => {
    live.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    const next = waiting.shift();
    if (next) next(startWorker());
  });
  return worker;
}

/** A worker for one PDF, started if none is idle; waits while the maximum are drawing. */
export async function takePdfWorker(): Promise<Worker> {
  const worker =
    idle.pop() ??
    (live.size < MAX_WORKERS ? startWorker() : await new Promise<Worker>((resolve) => waiting.push(resolve)));
  worker.ref();
  return worker;
}

/** Gives back a worker that finished its PDF; an idle worker does not keep the process alive. */
export function givePdfWorkerBack(worker: Worker) {
  const next = waiting.shift();
  if (next) return next(worker);
  worker.unref();
  idle.push(worker);
}

/** Stops a worker whose PDF did not finish (a cancelled download, a failure); its place goes to a fresh one. */
export function discardPdfWorker(worker: Worker) {
  void worker.terminate();
}
