// Writing an imported document of 20,000 claims: the app's writer (writeDocument, in batches of their own
// transactions, as an import job writes) against the COPY baseline (baseline-copy.ts), in alternating runs on the
// same database, after one small warm-up each. Both write the rows the app's extractor cut from the same
// article, extracted beforehand; the extraction is timed apart, for scale.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { disconnectPrisma } from '@/lib/db/prisma';
import { extractClaims } from '@/lib/extraction/extract-claims';
import type { Extraction } from '@/lib/extraction/types';
import { claimsOf, writeDocument } from '@/lib/imports/write-document';
import { articleWithClaims } from './article';
import { copyDocument } from './baseline-copy';

const WRITE_CLAIMS = 20_000;
const WRITE_RUNS = 3;
const WARM_UP_CLAIMS = 1_000;

export type WriteSpeed = {
  claims: number;
  appMs: number[];
  baselineMs: number[];
  /** The extractor's time on the same article, which neither side's figure includes. */
  extractionMs: number;
};

export async function measureWriteSpeed(url: string): Promise<WriteSpeed> {
  const article = articleWithClaims(WRITE_CLAIMS);
  const warmUp = articleWithClaims(WARM_UP_CLAIMS);
  const extractionStart = performance.now();
  extractClaims({ text: article.text, format: 'TEXT' });
  const extractionMs = performance.now() - extractionStart;

  // The app's Prisma client reads DATABASE_URL when it is first used.
  process.env.DATABASE_URL = url;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const project = await client.query<{ id: string }>(
    `INSERT INTO "Project" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'Bench project', now())
     ON CONFLICT (name) DO UPDATE SET "updatedAt" = now() RETURNING id`,
  );
  const projectId = project.rows[0]?.id as string;
  const timed = async (write: () => Promise<string>) => {
    const start = performance.now();
    const documentId = await write();
    const ms = performance.now() - start;
    const { rows } = await client.query<{ claims: number }>(
      'SELECT count(*)::int AS claims FROM "Claim" WHERE "documentId" = $1',
      [documentId],
    );
    return { ms, claims: rows[0]?.claims ?? 0 };
  };
  const baseline = (extraction: Extraction, name: string) =>
    timed(() => copyDocument(client, { ...extraction, title: name }, name));
  const app = (extraction: Extraction, name: string) =>
    timed(async () => {
      const fields = {
        title: name,
        sourceUrl: null,
        author: null,
        publishedOn: null,
        importFormat: 'TEXT',
        actorId: null,
        projectId,
      } as const;
      return (await writeDocument({ extraction, claims: claimsOf(extraction), fields })).id;
    });
  try {
    await baseline(warmUp.extraction, 'write-speed-warm-up-copy');
    await app(warmUp.extraction, 'write-speed-warm-up-app');
    const appMs: number[] = [];
    const baselineMs: number[] = [];
    for (let run = 1; run <= WRITE_RUNS; run++) {
      const ours = await app(article.extraction, `write-speed-app-${run}`);
      const theirs = await baseline(article.extraction, `write-speed-copy-${run}`);
      for (const [side, result] of [
        ['app', ours],
        ['baseline', theirs],
      ] as const) {
        if (result.claims !== WRITE_CLAIMS)
          throw new Error(`The ${side} wrote ${result.claims} claims, not ${WRITE_CLAIMS}.`);
      }
      appMs.push(ours.ms);
      baselineMs.push(theirs.ms);
      console.log(`  run ${run}: app ${seconds(ours.ms)}, baseline ${seconds(theirs.ms)}`);
    }
    return { claims: WRITE_CLAIMS, appMs, baselineMs, extractionMs };
  } finally {
    await client.end();
    await disconnectPrisma();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
