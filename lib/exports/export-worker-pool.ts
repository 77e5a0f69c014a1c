import path from 'node:path';
import { Worker } from 'node:worker_threads';

// Exports run in worker threads (ADR 0008), each with a heap capped on its own. An export allocates quickly and
// holds little, and V8 sizes a heap by how much its owner may grow, not by what it holds: on the server's own
// thread a 10,000-claim export raised peak memory by 40 to 110 MB while it never held more than 6 MB at once.
// Under a cap of its own V8 collects sooner, so memory no longer grows with the document, and the server's
// thread stays free to answer other requests while a long PDF is drawn. Two workers match the two cores these
// servers have; a third export waits for one of them.
const MAX_WORKERS = 2;
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 };
// From the project root, like the fonts: the app always runs there, from its source. The comments keep Next's
// build from following the path and bundling the worker (and tsx, and esbuild) into the server's code.
const WORKER_FILE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  'lib/exports/export-worker-entry.mjs',
);

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

/** A worker for one export, started if none is idle; waits while the maximum are busy. */
export async function takeExportWorker(): Promise<Worker> {
  const worker =
    idle.pop() ??
    (live.size < MAX_WORKERS ? startWorker() : await new Promise<Worker>((resolve) => waiting.push(resolve)));
  worker.ref();
  return worker;
}

/** Gives back a worker that finished its export; an idle worker does not keep the process alive. */
export function giveExportWorkerBack(worker: Worker) {
  const next = waiting.shift();
  if (next) return next(worker);
  worker.unref();
  idle.push(worker);
}

/** Stops a worker whose export did not finish (a cancelled download, a failure); a fresh one takes its place. */
export function discardExportWorker(worker: Worker) {
  void worker.terminate();
}
