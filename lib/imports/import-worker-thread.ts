// The worker thread that runs imports (started by import-runner.ts): one job at a time, each to its end. Reading
// a file, finding its claims and building the batches' parameters is seconds of CPU for a large file; here it
// never holds up the server's thread, which goes on answering pages and saves.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-runner';
import { runImportJob } from './run-import-job';

const port = parentPort;
if (!port) throw new Error('import-worker-thread.ts runs as a worker thread; see import-runner.ts.');

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

port.on('message', async ({ jobId }: ImportWorkerRequest) => {
  let reply: ImportWorkerReply;
  try {
    await runImportJob({ jobId });
    reply = { type: 'done', jobId };
  } catch (e) {
    // runImportJob records its own failures; this is one it could not record (the database went away).
    reply = { type: 'error', jobId, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
