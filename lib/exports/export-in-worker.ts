import type { Worker } from 'node:worker_threads';
import type { ExportFormat } from './export-formats';
import type { ExportSource, ExportWorkerReply, ExportWorkerRequest } from './export-worker-messages';
import { discardExportWorker, giveExportWorkerBack, takeExportWorker } from './export-worker-pool';
import type { ReviewHeader } from './review-types';

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
  const inbox = repliesOf(worker, format);
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

/** The worker's replies in order; a worker that dies (out of memory, say) fails the one being waited for. */
function repliesOf(worker: Worker, format: ExportFormat) {
  const queued: ExportWorkerReply[] = [];
  let waiter: { resolve: (reply: ExportWorkerReply) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  const onMessage = (reply: ExportWorkerReply) => {
    if (waiter) waiter.resolve(reply);
    else queued.push(reply);
    waiter = null;
  };
  const fail = (error: Error) => {
    failure = error;
    waiter?.reject(error);
    waiter = null;
  };
  const onError = (error: Error & { code?: string }) =>
    fail(
      new Error(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The ${format} export needs more memory than one export may use. Filter the claims to export fewer at once.`
          : `The ${format} export could not be written: ${error.message}`,
      ),
    );
  const onExit = (code: number) =>
    fail(new Error(`The ${format} export's worker stopped before the end (exit code ${code}).`));
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  return {
    take(): Promise<ExportWorkerReply> {
      const reply = queued.shift();
      if (reply) return Promise.resolve(reply);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    close() {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    },
  };
}
