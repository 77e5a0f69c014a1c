// Import speed and memory: npm run bench:import
// Measures in one run, in throwaway databases (on DATABASE_URL's server if set, else an embedded one):
//   1. writing 20,000 claims: the app's writer, as an import job calls it, against the baseline a competitor
//      would write, `pg` and COPY alone (import/baseline-copy.ts, which imports nothing from lib/), writing the
//      same rows; the median of 3 alternating runs (import/write-speed.ts);
//   2. through the real app (built if stale, started as `npm start` starts it), with /api/health asked every
//      100 ms (a miss: no 200 within 2 s): an upload of an article of just under 20,000 claims (about 1.8 MB)
//      alone, for the server's peak RSS over idle (process and descendants, /proc VmRSS every 50 ms; idle is
//      after a warm-up, with no requests) and its RSS 10–30 s after (the median of those samples) over idle;
//      then the same upload again while 10 reviewers read the workspace page of the sample document (a typical
//      article) and the dashboard in a loop, for the server's event-loop lag from inside
//      (import/event-loop-lag.mjs, loaded with NODE_OPTIONS), health misses and the readers' p95; then the
//      issue's JSON import of "1.2 mg. " × 240,000 (1.92 MB) with the readers. For each: how it ended and whether
//      it wrote rows. Beside them, the same figures for the readers alone, with no import, show what the import
//      adds; for scale, so do those of readers of a seeded 2,000-claim document, the heaviest workspace page. An
//      import past its time or memory cap is stopped by killing the app, and reported so;
//   3. reading a 50-page two-column PDF into claims, in pages per second (pdf-pages.ts).
// It prints one table with each target and its verdict. A missed target is a finding, not a crash: the exit
// code is 0 unless the benchmark itself could not run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildIfStale } from '@/lib/cli/build-if-stale';
import { migrateDatabase } from '@/lib/db/migrate-database';
import { SAMPLE_DOCUMENT_SLUG } from '@/lib/seed/seed-sample-data';
import { createTestDatabase, withDatabase } from '@/tests/support/test-database';
import { type ImportBody, importThroughApi, jsonArticle, multipartArticle } from './import/api-import';
import { articleWithClaims, REPEATED_DOSE_TEXT } from './import/article';
import { type ImportRun, importDuringLoad, type Load, readersAlone } from './import/during-import';
import { sampleRss } from './import/process-memory';
import { pollHealth, startReaders } from './import/traffic';
import { measureWriteSpeed, type WriteSpeed } from './import/write-speed';
import { measurePdfPagesPerSecond } from './pdf-pages';
import { signIn, startApp } from './workspace/app';
import { percentile } from './workspace/load';
import { printTable } from './workspace/report';
import { runBench, type Teardown } from './workspace/run-bench';
import { seedWorkspace } from './workspace/seed';

const MB = 2 ** 20;
const READERS = 10;
const ARTICLE_CLAIMS = 19_900;
const WARM_UP_CLAIMS = 1_000;
/** How long each phase lasts, and how long a request may take, in milliseconds. */
const MS = {
  warmUp: 5_000,
  quiet: 2_000,
  idle: 2_000,
  reference: 15_000,
  heavyReference: 10_000,
  afterFrom: 10_000,
  afterTo: 30_000,
  articleTimeout: 120_000,
  repeatedTimeout: 45_000,
};
const RSS_CAP = 1_536 * MB;

const TARGETS = {
  writeRatio: 3,
  peakRssMb: 200,
  afterRssMb: 50,
  lagP99Ms: 100,
  healthMisses: 0,
  pdfPagesPerSecond: 5,
};

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);
const preload = path.join(import.meta.dirname, 'import/event-loop-lag.mjs');

async function main(teardown: Teardown) {
  buildIfStale(root);
  const writeDb = await createTestDatabase('evidence_review_import_write');
  teardown.push(writeDb.drop);
  await migrateDatabase({ url: writeDb.url });
  console.log('Writing 20,000 claims: the app against the COPY baseline…');
  const write = await measureWriteSpeed(writeDb.url);
  console.log('Reading a 50-page PDF…');
  // A PDF that cannot be read is a finding for the table, not the end of the other figures.
  const pdf = await measurePdfPagesPerSecond().catch((e: Error) => e);

  const db = await createTestDatabase('evidence_review_import_bench');
  teardown.push(db.drop);
  await migrateDatabase({ url: db.url });
  const seeded = await seedWorkspace(db.url);
  const lagFile = path.join(os.tmpdir(), `import-bench-lag-${crypto.randomBytes(6).toString('hex')}.jsonl`);
  teardown.push(async () => fs.rmSync(lagFile, { force: true }));
  console.log('Starting the app…');
  const app = await startApp({
    root,
    databaseUrl: db.url,
    authSecret: crypto.randomBytes(32).toString('base64url'),
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(preload)}`.trim(),
      BENCH_LAG_FILE: lagFile,
    },
  });
  teardown.push(app.stop);
  const cookie = await signIn(app.url, seeded.bench);
  const rss = sampleRss(app.pid);
  teardown.push(async () => rss.stop());
  const health = pollHealth(app.url);
  teardown.push(health.stop);
  // What the readers read: the sample article every first start loads (a typical document), or the seeded
  // 2,000-claim one, whose workspace page is the heaviest the app renders.
  type Read = { id: string; title: string; projectName: string };
  const [sample, heavy] = await withDatabase(db.url, async (client) => {
    const documentOf = async (where: string, value: string) => {
      const { rows } = await client.query<Read & { projectId: string }>(
        `SELECT d.id, d.title, d."projectId", p.name AS "projectName"
         FROM "Document" d JOIN "Project" p ON p.id = d."projectId" WHERE d.${where} = $1`,
        [value],
      );
      if (!rows[0]) throw new Error(`No document with ${where} ${value}.`);
      // The bench's reviewer reads each as a member of its project, as reviewers do.
      await client.query(
        `INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'REVIEWER')
         ON CONFLICT DO NOTHING`,
        [rows[0].projectId, seeded.bench.id],
      );
      return rows[0];
    };
    // The first start put the sample in a project of its own.
    return [await documentOf('slug', SAMPLE_DOCUMENT_SLUG), await documentOf('id', seeded.documentId)];
  });
  // Each reader opens the document's workspace, then the dashboard, which lists the reader's projects.
  const read = (document: Read, clients = READERS) =>
    startReaders({
      base: app.url,
      cookie,
      pages: [
        { path: `/documents/${document.id}`, expect: document.title },
        { path: '/', expect: document.projectName },
      ],
      clients,
    });
  const typical = (clients = READERS) => read(sample, clients);
  const watchers = { app, rss, health, lagFile };
  const readersAloneFor = async (readers: ReturnType<typeof read>, ms: number) =>
    readersAlone({ ...watchers, readers, ms }).finally(() => readers.stop());

  console.log('Warming up: readers, and a small import…');
  const warmUpReaders = typical();
  const warmUp = await importThroughApi({
    base: app.url,
    cookie,
    article: multipartArticle(articleWithClaims(WARM_UP_CLAIMS).text, { title: 'Warm-up import' }),
    timeoutMs: MS.articleTimeout,
  });
  if (warmUp.kind !== 'finished') throw new Error(`The warm-up import did not finish: ${warmUp.message}`);
  await sleep(MS.warmUp);
  await warmUpReaders.stop();
  console.log(`Readers of the 2,000-claim document alone for ${MS.heavyReference / 1000} s…`);
  const heavyAlone = await readersAloneFor(read(heavy), MS.heavyReference);
  console.log(`Readers of the sample document alone for ${MS.reference / 1000} s…`);
  const alone = await readersAloneFor(typical(), MS.reference);
  // Idle once the server has served the readers: what the import adds is then what stays above it.
  await sleep(MS.quiet);
  const idleFrom = performance.now();
  await sleep(MS.idle);
  const idle = median(rss.between(idleFrom, performance.now()).map((s) => s.bytes));

  const article = articleWithClaims(ARTICLE_CLAIMS);
  const articleBytes = Buffer.byteLength(article.text);
  const importWith = async (body: ImportBody, timeoutMs: number, clients = READERS) => {
    const readers = typical(clients);
    try {
      return await importDuringLoad({
        ...watchers,
        readers,
        cookie,
        databaseUrl: db.url,
        article: body,
        idleRss: idle,
        capBytes: RSS_CAP,
        timeoutMs,
      });
    } finally {
      await readers.stop();
    }
  };
  // Memory is the import's own: measured with no readers, whose pages would move the server's RSS by as much.
  console.log(
    `Importing the article (${megabytes(articleBytes)}, ${ARTICLE_CLAIMS.toLocaleString('en')} claims) alone…`,
  );
  const solo = await importWith(
    multipartArticle(article.text, {
      title: 'Import bench: a 2 MB article, alone',
      author: 'Bench Author',
      sourceUrl: 'https://example.org/import-bench',
    }),
    MS.articleTimeout,
    0,
  );
  let afterRss: number | null = null;
  let large: ImportRun | null = null;
  let repeated: ImportRun | null = null;
  if (!solo.aborted) {
    console.log('Waiting 30 s to see the memory settle…');
    await sleep(solo.end + MS.afterTo - performance.now());
    afterRss = median(rss.between(solo.end + MS.afterFrom, solo.end + MS.afterTo).map((s) => s.bytes));
    console.log(`Importing the article again, with ${READERS} readers…`);
    large = await importWith(
      multipartArticle(article.text, { title: 'Import bench: a 2 MB article, with readers' }),
      MS.articleTimeout,
    );
  }
  if (large && !large.aborted) {
    console.log('Importing "1.2 mg. " × 240,000 as JSON…');
    repeated = await importWith(
      jsonArticle({ title: 'Import bench: 1.2 mg repeated', text: REPEATED_DOSE_TEXT, format: 'TEXT' }),
      MS.repeatedTimeout,
    );
  }
  rss.stop();
  await health.stop();

  printFigures({ write, pdf, alone, heavyAlone, solo, large, articleBytes, idle, afterRss, repeated });
}

type Line = {
  figure: string;
  value: string;
  reference?: string;
  ratio?: string;
  target?: string;
  result?: string;
};

function printFigures(f: {
  write: WriteSpeed;
  pdf: Awaited<ReturnType<typeof measurePdfPagesPerSecond>> | Error;
  alone: Load;
  heavyAlone: Load;
  solo: ImportRun;
  large: ImportRun | null;
  articleBytes: number;
  idle: number;
  afterRss: number | null;
  repeated: ImportRun | null;
}) {
  const lines: Line[] = [];
  const missed: string[] = [];
  /** A line with a target; `of` names the import a sub-line belongs to, for the list of missed targets. */
  const judge = (line: Line, pass: boolean | null, of = '') => {
    line.result = pass === null ? 'not measured' : pass ? 'PASS' : 'FAIL';
    if (pass !== true) missed.push(`${of}${line.figure.trim()} (${line.target}): ${line.result}`);
    lines.push(line);
  };
  const { alone, solo, large, repeated } = f;
  const overIdle = (bytes: number) =>
    `${bytes >= f.idle ? '+' : '−'}${mb(Math.abs(bytes - f.idle))} (${mb(bytes)})`;
  const lagOf = (load: Load) =>
    load.lag ? `${ms(load.lag.p99)} (max ${ms(load.lag.max)}, ${load.lag.samples} samples)` : '—';
  const healthOf = (load: Load) => `${load.health.misses} of ${load.health.polls}`;
  const pagesOf = (load: Load) =>
    `${ms(load.pages.p95)} (${load.pages.requests} requests, ${load.pages.failures} failed or timed out)`;
  const readersOnly = (value: string) => `${value}, readers alone`;

  const appMs = median(f.write.appMs);
  const baselineMs = median(f.write.baselineMs);
  judge(
    {
      figure: `Write ${f.write.claims.toLocaleString('en')} claims (median of ${f.write.appMs.length})`,
      value: seconds(appMs),
      reference: `${seconds(baselineMs)}, COPY baseline`,
      ratio: `${(appMs / baselineMs).toFixed(2)}×`,
      target: `≤ ${TARGETS.writeRatio}× baseline`,
    },
    appMs / baselineMs <= TARGETS.writeRatio,
  );

  const article = 'The article: ';
  judge(
    {
      figure: `Import the article (${megabytes(f.articleBytes)}, ${ARTICLE_CLAIMS.toLocaleString('en')} claims), alone`,
      value: `${seconds(solo.seconds * 1000)}: ${describeOutcome(solo)}`,
      target: 'finishes',
    },
    solo.outcome?.kind === 'finished' && solo.outcome.claims === ARTICLE_CLAIMS,
  );
  judge(
    {
      figure: '  peak RSS over idle, during it',
      value: overIdle(solo.peakRss),
      reference: readersOnly(overIdle(alone.peakRss)),
      target: `≤ ${TARGETS.peakRssMb} MB`,
    },
    solo.peakRss - f.idle <= TARGETS.peakRssMb * MB,
    article,
  );
  judge(
    {
      figure: '  RSS over idle, 10–30 s after it',
      value: f.afterRss === null ? '—' : overIdle(f.afterRss),
      target: `≤ ${TARGETS.afterRssMb} MB`,
    },
    f.afterRss === null ? null : f.afterRss - f.idle <= TARGETS.afterRssMb * MB,
    article,
  );
  const withReaders = `The article with ${READERS} readers: `;
  judge(
    {
      figure: `Import the article again, with ${READERS} readers`,
      value: large
        ? `${seconds(large.seconds * 1000)}: ${describeOutcome(large)}`
        : 'not run: the app was stopped',
      target: 'finishes',
    },
    large === null ? null : large.outcome?.kind === 'finished' && large.outcome.claims === ARTICLE_CLAIMS,
  );
  judge(
    {
      figure: '  event-loop lag p99, during it',
      value: large ? lagOf(large) : '—',
      reference: readersOnly(lagOf(alone)),
      target: `< ${TARGETS.lagP99Ms} ms`,
    },
    large?.lag ? large.lag.p99 < TARGETS.lagP99Ms : null,
    withReaders,
  );
  judge(
    {
      figure: '  /api/health misses, during it',
      value: large ? healthOf(large) : '—',
      reference: readersOnly(healthOf(alone)),
      target: `${TARGETS.healthMisses}`,
    },
    large === null ? null : large.health.misses <= TARGETS.healthMisses,
    withReaders,
  );
  lines.push({
    figure: '  peak RSS over idle, during it',
    value: large ? overIdle(large.peakRss) : '—',
    reference: readersOnly(overIdle(alone.peakRss)),
  });
  lines.push({
    figure: `  page p95, ${READERS} readers, during it`,
    value: large ? pagesOf(large) : '—',
    reference: readersOnly(pagesOf(alone)),
  });
  lines.push(
    {
      figure: 'For scale: readers of the 2,000-claim document alone',
      value: `lag p99 ${lagOf(f.heavyAlone)}`,
    },
    { figure: '', value: `page p95 ${pagesOf(f.heavyAlone)}` },
    { figure: '', value: `health misses ${healthOf(f.heavyAlone)}` },
  );

  const refusedBeforeWrite =
    repeated !== null &&
    repeated.outcome?.kind === 'refused' &&
    repeated.rows.claimsMax === repeated.rows.claimsBefore &&
    repeated.rows.documentsAfter === repeated.rows.documentsBefore;
  judge(
    {
      figure: 'Import "1.2 mg. " × 240,000 (1.92 MB JSON)',
      value: repeated
        ? `${seconds(repeated.seconds * 1000)}: ${describeOutcome(repeated)}`
        : 'not run: the app was stopped',
      target: 'refused before any write, or finishes',
    },
    repeated === null ? null : refusedBeforeWrite || repeated.outcome?.kind === 'finished',
  );
  judge(
    {
      figure: '  /api/health misses, during it',
      value: repeated ? healthOf(repeated) : '—',
      reference: readersOnly(healthOf(alone)),
      target: `${TARGETS.healthMisses}`,
    },
    repeated === null ? null : repeated.health.misses <= TARGETS.healthMisses,
    'The 1.2 mg import: ',
  );
  lines.push({
    figure: '  event-loop lag p99, during it',
    value: repeated ? lagOf(repeated) : '—',
    reference: readersOnly(lagOf(alone)),
  });

  const { pdf } = f;
  judge(
    {
      figure: 'PDF text extraction (median of 3)',
      value:
        pdf instanceof Error
          ? `could not be measured: ${pdf.message}`
          : `${pdf.pagesPerSecond.toFixed(1)} pages/s (${pdf.pages} pages in ${seconds(pdf.seconds * 1000)})`,
      target: `≥ ${TARGETS.pdfPagesPerSecond} pages/s`,
    },
    pdf instanceof Error ? null : pdf.pagesPerSecond >= TARGETS.pdfPagesPerSecond,
  );

  printTable(
    ['Figure', 'Measured', 'Reference', 'Ratio', 'Target', 'Result'],
    lines.map((l) => [l.figure, l.value, l.reference ?? '', l.ratio ?? '', l.target ?? '', l.result ?? '']),
  );
  const runs = (list: number[]) => list.map((v) => seconds(v)).join(', ');
  console.log(
    `\nWrite runs: app ${runs(f.write.appMs)}; baseline ${runs(f.write.baselineMs)}. Extracting the article ` +
      `beforehand took ${ms(f.write.extractionMs)}.`,
  );
  for (const [name, run] of [
    ['the article', solo],
    ['the article with readers', large],
    ['"1.2 mg. " × 240,000', repeated],
  ] as const) {
    const outcome = run?.outcome;
    if (outcome && outcome.kind !== 'finished')
      console.log(`The app's answer to ${name}: ${outcome.message}`);
  }
  console.log(
    `Idle RSS: ${mb(f.idle)}, after a warm-up and with no requests. The readers read the sample document's ` +
      `workspace and the dashboard; "readers alone": the same ${READERS} readers for ${MS.reference / 1000} s ` +
      'with no import.',
  );
  console.log(
    missed.length === 0
      ? '\nVerdict: every target met.'
      : `\nVerdict: ${missed.length} target(s) missed or not measured:\n  ${missed.join('\n  ')}`,
  );
}

/** How an import ended, and what it left in the database. */
function describeOutcome(run: ImportRun): string {
  const { rows } = run;
  const wrote =
    rows.claimsMax > rows.claimsBefore
      ? `${(rows.claimsMax - rows.claimsBefore).toLocaleString('en')} claim rows written` +
        (rows.claimsAfter === rows.claimsBefore ? ', then removed' : '')
      : 'no rows written';
  if (run.aborted) return `stopped by the bench (${run.aborted}); ${wrote}`;
  const outcome = run.outcome;
  if (!outcome) return wrote;
  if (outcome.kind === 'finished') {
    const job = outcome.status === 202 ? `job with ${outcome.progressSteps} progress steps` : '201 at once';
    return `finished, ${outcome.claims?.toLocaleString('en')} claims (${job})`;
  }
  return `${outcome.kind} (${outcome.status}, see below); ${wrote}`;
}

const median = (values: number[]) => percentile(values, 50);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
/** A text's size as the issue states it: 1,920,000 bytes are 1.92 MB. */
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

runBench(main);
