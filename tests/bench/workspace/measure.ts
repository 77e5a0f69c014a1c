// The three measurements, each run the same way against the app and against the baseline, which answer the
// same requests.

import { ARTICLE_TITLE } from './article';
import { type Judgement, VERDICTS } from './baseline-review';
import { type BrowserFigures, measureBrowser } from './browser';
import { percentile, type Reply, type Request, runLoad } from './load';
import type { Figures } from './report';

/** One save: the claim, the assessment and the version it was based on. */
export type SaveArgument = Judgement & { claimId: string; version: number };

export type Target = { name: 'app' | 'baseline'; url: string; cookie: string };

/**
 * A save as the workspace sends it: `PUT /api/claims/{claimId}/assessment` with the assessment as JSON and the
 * headers the browser's fetch carries; without the cookie when `cookie` is null.
 */
export function saveRequest(url: string, cookie: string | null, argument: SaveArgument): Request {
  const { claimId, ...assessment } = argument;
  return {
    method: 'PUT',
    path: `/api/claims/${claimId}/assessment`,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Origin: url,
      ...(cookie === null ? {} : { Cookie: cookie }),
    },
    body: JSON.stringify(assessment),
  };
}

/** What a save answered: `{ ok, message, data }` or a failure, whatever the status. */
export function saveResult(reply: Reply): { ok?: boolean; code?: string; data?: { version?: number } } {
  try {
    return JSON.parse(reply.body);
  } catch {
    throw new Error(`The save answered ${reply.status} without JSON: ${reply.body.slice(0, 200)}`);
  }
}

export const PAGE_WARM_UP = 20;
export const PAGE_REQUESTS = 200;
export const PAGE_CONCURRENT_REQUESTS = 300;
/**
 * Saves before the measured ones: rounds over a few claims, each round one version further. A server that has
 * run for a while is the case that matters, and the app's CPU per save kept falling for about a thousand saves
 * (21 ms at first, 12 ms after 300, about 7 ms from 1,300 on) while V8 compiled its hot paths.
 */
export const SAVE_WARM_UP_CLAIMS = 100;
export const SAVE_WARM_UP_ROUNDS = 15;
export const SAVES = 200;
export const CONCURRENCY = 10;
/** Claim loads in Chromium, the first of them a warm-up. */
export const BROWSER_RUNS = 11;
/** The claims each target saves: a measured save is each claim's first, so it creates an assessment. */
export const CLAIMS_PER_TARGET = SAVE_WARM_UP_CLAIMS + 2 * SAVES + BROWSER_RUNS;

export async function measurePage(target: Target, documentId: string): Promise<Figures['page']> {
  let bytes = 0;
  const load = (total: number, concurrency: number) =>
    runLoad({
      base: target.url,
      total,
      concurrency,
      make: () => ({ method: 'GET', path: `/documents/${documentId}`, headers: { Cookie: target.cookie } }),
      check: (reply) => {
        // A sign-in page or an error page is fast and proves nothing.
        if (reply.status !== 200 || !reply.body.includes(ARTICLE_TITLE)) {
          throw new Error(
            `${target.name}: the workspace page answered ${reply.status}: ${reply.body.slice(0, 200)}`,
          );
        }
        bytes = Buffer.byteLength(reply.body);
      },
    });
  await load(PAGE_WARM_UP, 1);
  const sequential = await load(PAGE_REQUESTS, 1);
  const concurrent = await load(PAGE_CONCURRENT_REQUESTS, CONCURRENCY);
  return {
    p50: percentile(sequential.latencies, 50),
    p95: percentile(sequential.latencies, 95),
    concurrentP50: percentile(concurrent.latencies, 50),
    concurrentP95: percentile(concurrent.latencies, 95),
    perSecond: PAGE_CONCURRENT_REQUESTS / concurrent.seconds,
    bytes,
  };
}

export async function measureSave(target: Target, claimIds: readonly string[]): Promise<Figures['save']> {
  const save = (claimId: string, i: number, version: number) =>
    saveRequest(target.url, target.cookie, {
      claimId,
      // Mixed verdicts, so some saves change the consensus (a new conflict) and some leave it.
      verdict: VERDICTS[i % VERDICTS.length] ?? null,
      evidenceLevel: 'LEVEL_2',
      certainty: null,
      downgradeReasons: [],
      rationale: null,
      version,
    });
  const load = async (claims: readonly string[], concurrency: number, version = 0) =>
    runLoad({
      base: target.url,
      total: claims.length,
      concurrency,
      make: (i) => save(claims[i] as string, i + version, version),
      check: (reply, i) => {
        const result = saveResult(reply);
        if (result.ok !== true || result.data?.version !== version + 1) {
          throw new Error(
            `${target.name}: saving claim ${claims[i]} failed: ${JSON.stringify(result)?.slice(0, 300)}`,
          );
        }
      },
    });
  const warmUp = claimIds.slice(0, SAVE_WARM_UP_CLAIMS);
  for (let round = 0; round < SAVE_WARM_UP_ROUNDS; round++) await load(warmUp, CONCURRENCY, round);
  const measured = claimIds.slice(SAVE_WARM_UP_CLAIMS);
  const sequential = await load(measured.slice(0, SAVES), 1);
  const concurrent = await load(measured.slice(SAVES, 2 * SAVES), CONCURRENCY);
  return {
    p50: percentile(sequential.latencies, 50),
    p95: percentile(sequential.latencies, 95),
    concurrentP50: percentile(concurrent.latencies, 50),
    concurrentP95: percentile(concurrent.latencies, 95),
  };
}

/** Chromium's figures, or null with the reason printed, so a missing browser does not lose the rest. */
export async function measureInBrowser(
  target: Target,
  documentId: string,
  claimIds: readonly string[],
): Promise<BrowserFigures | null> {
  try {
    return await measureBrowser({
      base: target.url,
      cookie: target.cookie,
      documentId,
      claimIds: claimIds.slice(0, BROWSER_RUNS),
    });
  } catch (e) {
    console.log(`  ${target.name}: Chromium measurement failed: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
}
