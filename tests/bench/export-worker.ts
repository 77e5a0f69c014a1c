// One export, measured in a process of its own so that its memory peak is its own: `node --import tsx
// tests/bench/export-worker.ts <format> <documentId> <warmUpDocumentId>`, with DATABASE_URL set. It goes through
// the route's own path (header, claim batches, formatter, the pull-based body stream) into a sink that only
// counts bytes. After one export of the small warm-up document (the pool open, the modules loaded), it exports
// the measured document three times:
// 1. a cold start's run (code not yet optimised for this size, the heap still growing), which gives the peaks:
//    RSS and V8's used heap, garbage included;
// 2. a running server's run, which gives the time;
// 3. with a full garbage collection every 20 ms (the parent starts us with --expose-gc), the most the export
//    really holds at once. This live figure is what streaming bounds; the peaks also show how far V8 lets its
//    heap grow before collecting, which depends on how fast an export allocates rather than on what it keeps.
// Prints one JSON line.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { disconnectPrisma } from '@/lib/db/prisma';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { readableStreamOf } from '@/lib/exports/readable-stream-of';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import type { ReviewClaimRow, ReviewHeader } from '@/lib/exports/review-types';

type Formatter = (
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
) => AsyncIterable<string | Uint8Array>;

const MODULES: Record<string, () => Promise<Formatter>> = {
  md: async () => (await import('@/lib/exports/to-markdown-export')).markdownExport,
  csv: async () => (await import('@/lib/exports/to-csv-export')).csvExport,
  json: async () => (await import('@/lib/exports/to-json-export')).jsonExport,
  jsonld: async () => (await import('@/lib/exports/to-claim-review-jsonld')).claimReviewJsonLd,
  annotations: async () => (await import('@/lib/exports/to-web-annotations')).webAnnotations,
  pdf: async () => (await import('@/lib/exports/to-pdf-export')).pdfExport as Formatter,
};

const [format = '', documentId = '', warmUpId = ''] = process.argv.slice(2);
const load = MODULES[format];
if (!load) throw new Error(`Unknown format ${format}`);
const render = await load();

let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
};

async function exportOnce(id: string) {
  const appUrl = 'https://review.example.org';
  const filter = { only: null, sectionId: null };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const header = await loadReviewHeader({ documentId: id, filter, appUrl, exportedAt: new Date() });
  const reader = readableStreamOf(
    render(header, reviewClaimBatches({ documentId: id, filter, appUrl })),
  ).getReader();
  let bytes = 0;
  let firstByte: number | null = null;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    firstByte ??= performance.now() - start;
    bytes += next.value.byteLength;
    sampleHeap();
  }
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
  await exportOnce(documentId);
  clearInterval(gcTimer);
}
await disconnectPrisma();
console.log(JSON.stringify({ ...warm, coldMs: cold.ms, ...peaks, liveHeap }));
