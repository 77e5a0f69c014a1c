import type { Worker } from 'node:worker_threads';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-messages';
import { discardPdfWorker, givePdfWorkerBack, takePdfWorker } from './pdf-worker-pool';
import type { ReviewClaimRow, ReviewHeader } from './review-types';

/**
 * The review summary as a PDF (see draw-pdf-export.ts), drawn in a worker thread. The worker draws only when
 * the reader asks for the next chunk and asks for claims batch by batch, so a slow download still slows the
 * database reads rather than filling memory, as the other formats do.
 */
export async function* pdfExport(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<Uint8Array> {
  const worker = await takePdfWorker();
  const inbox = repliesOf(worker);
  const rows = batches[Symbol.asyncIterator]();
  const send = (message: PdfWorkerRequest) => worker.postMessage(message);
  let finished = false;
  try {
    send({ type: 'start', header });
    for (;;) {
      send({ type: 'next' });
      let reply = await inbox.take();
      while (reply.type === 'rows?') {
        // The batch reader has the next batches on their way already, so this thread's reading and the
        // worker's drawing overlap.
        const next = await rows.next();
        send({ type: 'rows', rows: next.done ? null : next.value });
        reply = await inbox.take();
      }
      if (reply.type === 'error') throw new Error(`The PDF could not be drawn: ${reply.message}`);
      if (reply.type === 'done') break;
      yield reply.chunk;
    }
    finished = true;
  } finally {
    inbox.close();
    // A PDF left half-drawn (a cancelled download, a failure) would leave the worker mid-document.
    if (finished) givePdfWorkerBack(worker);
    else discardPdfWorker(worker);
    await rows.return?.();
  }
}

/** The worker's replies in order; a worker that dies (out of memory, say) fails the one being waited for. */
function repliesOf(worker: Worker) {
  const queued: PdfWorkerReply[] = [];
  let waiter: { resolve: (reply: PdfWorkerReply) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  const onMessage = (reply: PdfWorkerReply) => {
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
          ? 'The PDF needs more memory than one export may use. Filter the claims, or export CSV or JSON.'
          : `The PDF could not be drawn: ${error.message}`,
      ),
    );
  const onExit = (code: number) =>
    fail(new Error(`The PDF worker stopped before the end (exit code ${code}).`));
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  return {
    take(): Promise<PdfWorkerReply> {
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
