// Export speed and memory: npm run bench:export
// Seeds documents of 100 and 10,000 claims (each with two or three assessments, conflicts, adjudications,
// comment threads and citations) into a throwaway database (on DATABASE_URL's server if set, else an embedded
// one, as the tests do), then exports each document in each format in a fresh process (export-worker.ts), so
// that peaks do not mix, and prints a table:
// - time: a running server's export, header query to last byte; cold: the same process's first export of that
//   document; CPU: the worker's own share of `time` (the database's is the rest); first byte: when the header
//   is out;
// - peak RSS: what the operating system saw, for the whole process; peak heap: V8's used heap, garbage
//   included; live heap: the most the export held at once, measured with frequent full collections. The app
//   writes every export in a worker thread (ADR 0008), whose heap shows in RSS only, so peak heap is the main
//   thread's (header and hand-over), and live heap is measured by running the formatter on the main thread.
// Targets (issue 6): at 10,000 claims CSV and JSON under 1 s and PDF under 5 s, and peak RSS at 10,000 claims at
// most 50 MB above peak RSS at 100. Exits 1 if one fails. Each figure is the median of BENCH_RUNS runs (default
// 5), because other load on the machine delays single runs, and a process's peak RSS varies by ±25 MB between
// identical runs (glibc's per-thread malloc arenas; ADR 0008). BENCH_FORMATS=csv,json limits the run to some
// formats.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { EXPORT_FORMATS } from '@/lib/exports/export-formats';
import { createTestDatabase } from '@/tests/support/test-database';
import { seedDocument, seedUsers } from './export-seed';

const MB = 1024 * 1024;
const SIZES = [100, 10_000] as const;
const MAX_GROWTH_MB = 50;
const TIME_TARGET_MS: Record<string, number> = { csv: 1_000, json: 1_000, pdf: 5_000 };
const root = path.resolve(import.meta.dirname, '../..');
const worker = path.join(import.meta.dirname, 'export-worker.ts');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

type Measure = {
  ms: number;
  coldMs: number;
  cpuMs: number;
  firstByteMs: number;
  bytes: number;
  peakRss: number;
  peakHeap: number;
  liveHeap: number;
};

function measure(format: string, documentId: string, warmUpId: string, url: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', worker, format, documentId, warmUpId],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`${format}: the worker exited with ${code}\n${out}`));
    });
  });
}

async function medianOf(format: string, documentId: string, warmUpId: string, url: string): Promise<Measure> {
  const runs: Measure[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(format, documentId, warmUpId, url));
  const median = (key: keyof Measure) =>
    [...runs].sort((a, b) => a[key] - b[key])[Math.floor(runs.length / 2)]?.[key] ?? Number.NaN;
  return {
    ms: median('ms'),
    coldMs: median('coldMs'),
    cpuMs: median('cpuMs'),
    firstByteMs: median('firstByteMs'),
    bytes: median('bytes'),
    peakRss: median('peakRss'),
    peakHeap: median('peakHeap'),
    liveHeap: median('liveHeap'),
  };
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

const db = await createTestDatabase('evidence_review_export_bench');
let failed = false;
try {
  await migrateDatabase({ url: db.url });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const users = await seedUsers(client);
  const documents: Record<number, string> = {};
  for (const size of SIZES) {
    const start = performance.now();
    documents[size] = await seedDocument(client, size, users);
    console.log(`Seeded ${size.toLocaleString('en')} claims in ${seconds(performance.now() - start)}.`);
  }
  await client.end();

  const rows: string[][] = [
    [
      'format',
      'claims',
      'time',
      'cold',
      'CPU',
      'first byte',
      'size',
      'peak RSS',
      'peak heap',
      'live heap',
      'target',
    ],
  ];
  const only = process.env.BENCH_FORMATS?.split(',');
  for (const format of Object.keys(EXPORT_FORMATS)) {
    if (only && !only.includes(format)) continue;
    const results: Record<number, Measure> = {};
    for (const size of SIZES) {
      const result = await medianOf(format, documents[size] as string, documents[100] as string, db.url);
      results[size] = result;
      const target = TIME_TARGET_MS[format];
      let check = '';
      if (size === 10_000 && target !== undefined) {
        const ok = result.ms < target;
        failed ||= !ok;
        check = `${verdict(ok)} (< ${seconds(target)})`;
      }
      rows.push([
        format,
        size.toLocaleString('en'),
        seconds(result.ms),
        seconds(result.coldMs),
        seconds(result.cpuMs),
        `${result.firstByteMs.toFixed(0)} ms`,
        mb(result.bytes),
        mb(result.peakRss),
        mb(result.peakHeap),
        mb(result.liveHeap),
        check,
      ]);
    }
    const growth = (results[10_000]?.peakRss ?? 0) - (results[100]?.peakRss ?? 0);
    const heapGrowth = (results[10_000]?.peakHeap ?? 0) - (results[100]?.peakHeap ?? 0);
    const liveGrowth = (results[10_000]?.liveHeap ?? 0) - (results[100]?.liveHeap ?? 0);
    const ok = growth <= MAX_GROWTH_MB * MB;
    failed ||= !ok;
    rows.push([
      format,
      'Δ 10k−100',
      ...Array<string>(5).fill(''),
      mb(growth),
      mb(heapGrowth),
      mb(liveGrowth),
      `${verdict(ok)} (RSS ≤ +${MAX_GROWTH_MB} MB)`,
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  console.log('');
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
} finally {
  await db.drop();
}
process.exit(failed ? 1 : 0);
