import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { failImportJob } from './fail-import-job';

// Each app instance runs import jobs from the ImportJob table, one at a time, in a worker thread of its own
// (ADR 0016). Jobs are claimed with FOR UPDATE SKIP LOCKED, so instances never run the same job, and a job whose
// instance went away (its heartbeat stopped) is picked up again by any other.

/** How often an idle instance looks for jobs that another instance queued, or left behind. */
const POLL_MS = 2_000;
/** A running job's heartbeat is renewed this often, while its worker lives. */
const HEARTBEAT_MS = 10_000;
/** A running job whose heartbeat is older than this belongs to an instance that went away. */
const STALE_SECONDS = 60;
/** A job that stopped its instance this many times is not tried again. */
const MAX_ATTEMPTS = 3;
/**
 * An idle worker is stopped after this long, so a server that imported a large file gives the memory back,
 * while a run of small imports (a script, a test suite) reuses one worker.
 */
const IDLE_MS = 10_000;
// Reading a 20 MB PDF or extracting a 2 MB article peaks near 200 MB of heap; past the cap the job fails with
// a message instead of the server running out of memory.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32 };
// From the project root, like the export workers: the app always runs there, from its source.
const WORKER_FILE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  'lib/imports/import-worker-entry.mjs',
);

export type ImportWorkerRequest = { jobId: string };
export type ImportWorkerReply =
  | { type: 'done'; jobId: string }
  | { type: 'error'; jobId: string; message: string };

type RunnerState = {
  timer?: NodeJS.Timeout;
  draining: boolean;
  again: boolean;
  worker?: Worker;
  idleTimer?: NodeJS.Timeout;
  lastError?: string;
};
// Route handlers and the instrumentation hook are bundled separately; globalThis keeps one runner per process.
const store = globalThis as unknown as { importRunner?: RunnerState };
const state = (): RunnerState => {
  store.importRunner ??= { draining: false, again: false };
  return store.importRunner;
};

/** Starts looking for import jobs; called once per process, from instrumentation.ts. */
export function startImportRunner() {
  const runner = state();
  if (runner.timer) return;
  runner.timer = setInterval(wakeImportRunner, POLL_MS);
  runner.timer.unref();
}

/** Looks for jobs now: a job was just queued on this instance. */
export function wakeImportRunner() {
  const runner = state();
  if (runner.draining) {
    runner.again = true;
    return;
  }
  runner.draining = true;
  void (async () => {
    try {
      do {
        runner.again = false;
        for (let job = await claimNextJob(); job; job = await claimNextJob()) await runJob(job);
      } while (runner.again);
      runner.lastError = undefined;
    } catch (e) {
      // The database is away, say: said once, not every two seconds, and tried again at the next poll.
      const message = e instanceof Error ? e.message : String(e);
      if (message !== runner.lastError) console.error(`Import jobs could not be run: ${message}`);
      runner.lastError = message;
    } finally {
      runner.draining = false;
    }
  })();
}

type ClaimedJob = { id: string; attempts: number };

async function claimNextJob(): Promise<ClaimedJob | null> {
  const [job] = await prisma.$queryRaw<ClaimedJob[]>`
    UPDATE "ImportJob" SET status = 'RUNNING', "startedAt" = now(), "heartbeatAt" = now(),
      attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "ImportJob"
      WHERE status = 'QUEUED'
        OR (status = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${STALE_SECONDS}))
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`;
  return job ?? null;
}

async function runJob(job: ClaimedJob) {
  if (job.attempts > MAX_ATTEMPTS) {
    await failImportJob({
      jobId: job.id,
      error: new AppError(
        'VALIDATION',
        'This import stopped the server that ran it several times, so it was not tried again. Split the file and import the parts.',
      ),
    });
    return;
  }
  const heartbeat = setInterval(() => {
    void prisma.importJob
      .updateMany({ where: { id: job.id, status: 'RUNNING' }, data: { heartbeatAt: new Date() } })
      .catch(() => {});
  }, HEARTBEAT_MS);
  try {
    await inWorker(job.id);
  } catch (e) {
    await failImportJob({ jobId: job.id, error: e });
  } finally {
    clearInterval(heartbeat);
  }
}

/** Runs the job in the import worker, started if there is none; the worker is kept a while for the next job. */
function inWorker(jobId: string): Promise<void> {
  const runner = state();
  clearTimeout(runner.idleTimer);
  const worker = runner.worker ?? startWorker();
  worker.ref();
  return new Promise<void>((resolve, reject) => {
    const onMessage = (reply: ImportWorkerReply) => {
      if (reply.jobId !== jobId) return;
      done();
      if (reply.type === 'done') resolve();
      else reject(new Error(reply.message));
    };
    const onError = (error: Error & { code?: string }) => {
      done();
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError(
              'VALIDATION',
              'This file needs more memory to import than one import may use. Split it and import the parts.',
            )
          : error,
      );
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`The import worker stopped before the end (exit code ${code}).`));
    };
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.unref();
      runner.idleTimer = setTimeout(() => stopWorker(worker), IDLE_MS);
      runner.idleTimer.unref();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ jobId } satisfies ImportWorkerRequest);
  });
}

function startWorker(): Worker {
  const runner = state();
  const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, { resourceLimits: RESOURCE_LIMITS });
  runner.worker = worker;
  worker.once('exit', () => {
    if (runner.worker === worker) runner.worker = undefined;
  });
  return worker;
}

function stopWorker(worker: Worker) {
  const runner = state();
  if (runner.worker === worker) runner.worker = undefined;
  void worker.terminate();
}
