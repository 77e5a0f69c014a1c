// One export, measured in a process of its own so that its memory peak is its own: `node --import tsx
// tests/bench/export-worker.ts <format> <documentId> <warmUpDocumentId>`, with DATABASE_URL set. It goes the
// route's own way (the header read here, then exportInWorker: an export worker reads the claims and writes the
// file, ADR 0008) into a sink that only counts bytes. After one export of the small warm-up document (the
// worker started, the pool open, the modules loaded), it exports the measured document three times:
// 1. a cold start's run (code not yet optimised for this size, the heaps still growing), which gives the peaks:
//    RSS for the whole process, export workers included, and this thread's used heap, garbage included;
// 2. a running server's run, which gives the time;
// 3. the same formatter on this thread with a full garbage collection every 20 ms (the parent starts us with
//    --expose-gc), which gives the most the export really holds at once. This live figure is what streaming
//    bounds; the peaks also show how far V8 lets a heap grow before collecting it.
// Prints one JSON line.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { disconnectPrisma } from '@/lib/db/prisma';
import { type ExportFormat, isExportFormat } from '@/lib/exports/export-formats';
import { EXPORT_FORMATTERS } from '@/lib/exports/export-formatters';
import { exportInWorker, readableStreamOf } from '@/lib/exports/export-in-worker';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import type { ReviewFilter } from '@/lib/exports/review-types';

const [format = '', documentId = '', warmUpId = ''] = process.argv.slice(2);
if (!isExportFormat(format)) throw new Error(`Unknown format ${format}`);
const exportFormat: ExportFormat = format;

let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
};

async function exportOnce(id: string, where: 'worker' | 'this thread' = 'worker') {
  const appUrl = 'https://review.example.org';
  const filter: ReviewFilter = { only: null, sectionId: null };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const header = await loadReviewHeader({
    documentId: id,
    reader: { role: 'VIEWER' },
    filter,
    appUrl,
    exportedAt: new Date(),
  });
  const source = { documentId: id, filter, appUrl };
  const chunks =
    where === 'worker'
      ? exportInWorker(exportFormat, header, source)
      : EXPORT_FORMATTERS[exportFormat](header, reviewClaimBatches(source));
  const reader = readableStreamOf(chunks).getReader();
  let bytes = 0;
  let firstByte: number | null = null;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    firstByte ??= performance.now() - start;
    bytes += next.value.byteLength;
    sampleHeap();
  }
  // The process's CPU: this thread's and the export worker's.
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
    firstByteMs: firstByte ?? 0,
    bytes,
  };
}

await exportOnce(warmUpId);
const timer = setInterval(sampleHeap, 5);
const cold = await exportOnce(documentId);
clearInterval(timer);
const peaks = { peakRss: process.resourceUsage().maxRSS * 1024, peakHeap };
const warm = await exportOnce(documentId);

const collect = (globalThis as { gc?: () => void }).gc;
let liveHeap = 0;
if (collect) {
  collect();
  const base = v8.getHeapStatistics().used_heap_size;
  const gcTimer = setInterval(() => {
    collect();
    liveHeap = Math.max(liveHeap, v8.getHeapStatistics().used_heap_size - base);
  }, 20);
  await exportOnce(documentId, 'this thread');
  clearInterval(gcTimer);
}
await disconnectPrisma();
console.log(JSON.stringify({ ...warm, coldMs: cold.ms, ...peaks, liveHeap }));
process.exit(0);
