import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportExtraction } from '@/lib/documents/import-input';
import { AppError } from '@/lib/errors';
import { workerReplies } from '@/lib/workers/worker-replies';
import type { ClaimBatch } from './claim-batch';
import { RETURN_AFTER_BYTES, returnImportMemory } from './return-import-memory';
import type { ClaimSource } from './write-document';

// The import worker (ADR 0016): one per app instance, started for an import and stopped when it has been idle a
// while, so the memory a large file took is given back, and with it what the import left on the server's thread
// (return-import-memory.ts). It holds one file's claims at a time, so it serves one caller at a time: a new
// version's PDF, read while an import runs, waits its turn.

/** An idle worker is stopped after this long; a run of small imports (a script, a test suite) reuses one. */
const IDLE_MS = 10_000;
// Reading a 20 MB PDF or extracting a 2 MB article stays well under these; past them the import fails with a
// message instead of the server running out of memory.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 16 };
// From the project root, like the export workers: the app always runs there, from its source.
const WORKER_FILE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  'lib/imports/import-worker-entry.mjs',
);

type Stage = 'READING' | 'EXTRACTING';
export type ExtractedDocument = Omit<ImportExtraction, 'claims' | 'sources'>;

/** From the server's thread: read this file, hand over a batch of its claims, or let it go. */
export type ImportWorkerRequest =
  | { type: 'extract'; input: Uint8Array; format: string; fileName: string }
  | { type: 'claims'; from: number; count: number }
  | { type: 'all-claims' }
  | { type: 'release' };

/** From the worker: how far it got, what it found (or why the file cannot be imported), a batch, a failure. */
export type ImportWorkerReply =
  | { type: 'progress'; stage: Stage; done: number; total: number }
  | { type: 'extracted'; document: ExtractedDocument; claims: number }
  | { type: 'refused'; message: string }
  | { type: 'claims'; batch: ClaimBatch }
  | { type: 'all-claims'; claims: ImportExtraction['claims'] }
  | { type: 'error'; message: string };

type Extracted = {
  document: ExtractedDocument;
  claims: ClaimSource;
  /** Every claim at once, as extracted, for a caller that works on them all together rather than writing them. */
  allClaims: () => Promise<ImportExtraction['claims']>;
  release: () => void;
};

/**
 * A file's document and claims, read in the import worker; the claims stay there and are read a batch at a
 * time. Throws an AppError, in words for the person who imported, when the file cannot be imported.
 */
export async function extractInWorker(options: {
  input: Uint8Array;
  format: string;
  fileName: string;
  onProgress: (stage: Stage, done: number, total: number) => Promise<unknown>;
}): Promise<Extracted> {
  const endTurn = await takeTurn();
  const worker = takeWorker(options.input.byteLength);
  const inbox = workerReplies<ImportWorkerReply>(worker, {
    error: (error) =>
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError(
            'VALIDATION',
            'This file needs more memory to import than one import may use. Split it and import the parts.',
          )
        : error,
    exit: (code) => new Error(`The import worker stopped (exit code ${code}).`),
  });
  let progress: Promise<unknown> = Promise.resolve();
  const next = async (): Promise<Exclude<ImportWorkerReply, { type: 'progress' }>> => {
    for (;;) {
      const reply = await inbox.take();
      if (reply.type === 'progress') {
        progress = progress.then(() => options.onProgress(reply.stage, reply.done, reply.total));
        continue;
      }
      if (reply.type === 'error') throw new Error(`The import worker failed: ${reply.message}`);
      return reply;
    }
  };
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    inbox.close();
    worker.postMessage({ type: 'release' } satisfies ImportWorkerRequest);
    giveBack(worker);
    endTurn();
  };
  try {
    // The file's bytes are copied to the worker: the caller may still need them (a PDF is kept).
    worker.postMessage({
      type: 'extract',
      input: options.input,
      format: options.format,
      fileName: options.fileName,
    } satisfies ImportWorkerRequest);
    const found = await next();
    await progress;
    if (found.type === 'refused') throw new AppError('VALIDATION', found.message);
    if (found.type !== 'extracted') throw new Error(`The import worker answered ${found.type} to extract.`);
    const claims: ClaimSource = {
      total: found.claims,
      read: async (from, count) => {
        worker.postMessage({ type: 'claims', from, count } satisfies ImportWorkerRequest);
        const answer = await next();
        if (answer.type !== 'claims') throw new Error(`The import worker answered ${answer.type} to claims.`);
        return answer.batch;
      },
    };
    const allClaims = async () => {
      worker.postMessage({ type: 'all-claims' } satisfies ImportWorkerRequest);
      const answer = await next();
      if (answer.type !== 'all-claims')
        throw new Error(`The import worker answered ${answer.type} to all-claims.`);
      return answer.claims;
    };
    return { document: found.document, claims, allClaims, release };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * A file's whole extraction (its document and every claim), read in the import worker: what a new version
 * re-anchors (lib/versions). Throws an AppError, in words for the person who sent it, when it cannot be read.
 */
export async function readInWorker(options: {
  input: Uint8Array;
  format: string;
  fileName: string;
}): Promise<ImportExtraction> {
  const extracted = await extractInWorker({ ...options, onProgress: async () => undefined });
  try {
    return { ...extracted.document, claims: await extracted.allClaims() };
  } finally {
    extracted.release();
  }
}

type WorkerState = {
  worker?: Worker;
  /** Settles when the caller using the worker now, and every one queued before the last, has released it. */
  turn?: Promise<void>;
  idleTimer?: NodeJS.Timeout;
  /** The largest file this worker read, in bytes. */
  largest: number;
};
// Route handlers and the instrumentation hook are bundled separately; globalThis keeps one worker per process.
const store = globalThis as unknown as { importWorker?: WorkerState };
const state = (): WorkerState => {
  store.importWorker ??= { largest: 0 };
  return store.importWorker;
};

/** Waits for the worker to be free, and answers the function that frees it for the next caller. */
async function takeTurn(): Promise<() => void> {
  const current = state();
  const before = current.turn ?? Promise.resolve();
  let end = () => {};
  const mine = new Promise<void>((resolve) => {
    end = resolve;
  });
  current.turn = before.then(() => mine);
  await before;
  return end;
}

function takeWorker(bytes: number): Worker {
  const current = state();
  clearTimeout(current.idleTimer);
  current.largest = Math.max(current.largest, bytes);
  if (!current.worker) {
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, { resourceLimits: RESOURCE_LIMITS });
    worker.once('exit', () => {
      if (current.worker === worker) current.worker = undefined;
    });
    current.worker = worker;
  }
  current.worker.ref();
  return current.worker;
}

/**
 * An idle worker does not keep the process alive, and is stopped once it has been idle a while: by then every
 * import it served has ended, and what they left on the server's thread is garbage, given back after a large one.
 */
function giveBack(worker: Worker) {
  const current = state();
  worker.unref();
  current.idleTimer = setTimeout(async () => {
    if (current.worker === worker) current.worker = undefined;
    const largest = current.largest;
    current.largest = 0;
    await worker.terminate();
    // Not while another import runs: it has taken a new worker.
    if (largest >= RETURN_AFTER_BYTES) await returnImportMemory({ stillIdle: () => !current.worker });
  }, IDLE_MS);
  current.idleTimer.unref();
}
