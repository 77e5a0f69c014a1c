// The worker thread that draws PDF exports (started by to-pdf-export.ts). It draws one PDF at a time and only
// as fast as the main thread asks: each `next` message gets the next chunk of the file back, and when the
// drawing needs more claims it asks for the next batch with `rows?` and waits for the main thread's `rows`.
import { parentPort } from 'node:worker_threads';
import { drawPdfExport } from './draw-pdf-export';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-messages';
import type { ReviewClaimRow } from './review-types';

const port = parentPort;
if (!port) throw new Error('pdf-export-worker.ts runs as a worker thread; see to-pdf-export.ts.');

let drawing: AsyncIterator<Uint8Array> | null = null;
let rowsArrived: ((rows: ReviewClaimRow[] | null) => void) | null = null;

const reply = (message: PdfWorkerReply) => port.postMessage(message);

async function* rowsFromMainThread(): AsyncIterable<ReviewClaimRow[]> {
  for (;;) {
    const rows = await new Promise<ReviewClaimRow[] | null>((resolve) => {
      rowsArrived = resolve;
      reply({ type: 'rows?' });
    });
    if (rows === null) return;
    yield rows;
  }
}

async function nextChunk() {
  try {
    const next = await (drawing as AsyncIterator<Uint8Array>).next();
    if (next.done) {
      drawing = null;
      reply({ type: 'done' });
    } else {
      reply({ type: 'chunk', chunk: next.value });
    }
  } catch (e) {
    drawing = null;
    reply({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

port.on('message', (message: PdfWorkerRequest) => {
  switch (message.type) {
    case 'start':
      drawing = drawPdfExport(message.header, rowsFromMainThread())[Symbol.asyncIterator]();
      return;
    case 'next':
      void nextChunk();
      return;
    case 'rows': {
      const arrived = rowsArrived;
      rowsArrived = null;
      arrived?.(message.rows);
      return;
    }
  }
});
