// The worker thread that reads imports (started by extract-in-worker.ts): it decodes the file, finds its claims
// and holds them, handing them over a batch at a time as the rows the server's thread writes (claim-batch.ts).
// Reading a PDF and extracting a 2 MB article are seconds of CPU; here they never hold up the server's thread,
// which goes on answering pages and saves. It has no database client: that would cost more memory than the
// import itself.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import {
  extractImport,
  IMPORT_FORMATS,
  IMPORT_MAX_CLAIMS,
  type ImportExtraction,
  importText,
  withinClaimLimit,
} from '@/lib/documents/import-input';
import { claimBatch } from './claim-batch';
import type { ImportWorkerReply, ImportWorkerRequest } from './extract-in-worker';

const port = parentPort;
if (!port) throw new Error('import-worker-thread.ts runs as a worker thread; see extract-in-worker.ts.');

/**
 * On a server with few cores an import's seconds of CPU would take turns with the server's thread, and every
 * page and save would wait its turn. Linux sets a thread's niceness by its thread id, which /proc/thread-self
 * names: this thread yields the CPU to every other, and runs at full speed when the server is idle. Elsewhere
 * (macOS, Windows) it runs at the usual priority.
 */
function yieldToTheServer() {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid !== process.pid) os.setPriority(tid, os.constants.priority.PRIORITY_LOW);
  } catch {
    // No /proc, or not allowed: the usual priority.
  }
}
yieldToTheServer();

/** The extraction being written, until the server's thread has taken its last batch. */
let held: ImportExtraction | null = null;

const reply = (message: ImportWorkerReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

port.on('message', async (message: ImportWorkerRequest) => {
  try {
    if (message.type === 'extract') {
      held = null;
      const extraction = await extract(message);
      if (typeof extraction === 'string') return reply({ type: 'refused', message: extraction });
      held = extraction;
      const { body, title, author, publishedAt, sections } = extraction;
      const document = { body, title, author, publishedAt, sections };
      return reply({ type: 'extracted', document, claims: extraction.claims.length });
    }
    if (message.type === 'claims') {
      const { from, count } = message;
      const batch = claimBatch({ claims: held?.claims ?? [], sources: held?.sources, from, count });
      // Handed over, not copied: the server's thread gets the rows without a pause to copy them.
      return reply(
        { type: 'claims', batch },
        batch.rows.map((rows) => rows.buffer as ArrayBuffer),
      );
    }
    if (message.type === 'all-claims') {
      return reply({ type: 'all-claims', claims: held?.claims ?? [] });
    }
    held = null;
  } catch (e) {
    reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});

/** The file's extraction, or why it cannot be imported, in words for the person who imported it. */
async function extract(
  request: Extract<ImportWorkerRequest, { type: 'extract' }>,
): Promise<ImportExtraction | string> {
  if (request.format === 'PDF') {
    // pdfjs is large: a worker loads it for its first PDF, not for every import.
    const { extractPdf } = await import('@/lib/extraction/pdf');
    let reported = 0;
    const read = await extractPdf(request.input, {
      maxClaims: IMPORT_MAX_CLAIMS,
      onPage: (page, pages) => {
        // Often enough to move the progress bar, not once per page.
        if (Date.now() - reported < 250) return;
        reported = Date.now();
        reply({ type: 'progress', stage: 'READING', done: page, total: pages });
      },
    });
    if (!read.ok) return read.error;
    const limited = withinClaimLimit(read.extraction);
    return limited.ok ? limited.extraction : limited.error;
  }
  const format = IMPORT_FORMATS.find((f) => f === request.format);
  if (!format) return `“${request.fileName}” is not a file type that can be imported.`;
  reply({ type: 'progress', stage: 'EXTRACTING', done: 0, total: 0 });
  // The file's bytes were checked at the door; they are decoded and cleaned here, off the server's thread.
  const result = extractImport({ text: importText(request.input), format });
  return result.ok ? result.extraction : result.error;
}
