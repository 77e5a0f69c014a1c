import { prisma } from '@/lib/db/prisma';
import type { SourceAnswer } from './citation-source-answers';
import { lookUpCitationSource, type SourceUrls } from './look-up-citation-source';
import { nextLookupAfter } from './lookup-backoff';

/** Looked up per claim of the cache, so a pass holds its lease well within LEASE_MS. */
const BATCH = 10;
/**
 * A claimed source is due again after this long: an instance that went away mid-look-up leaves it to another.
 * Longer than a batch of look-ups that all time out.
 */
const LEASE_MS = 2 * 60_000;
/** NCBI asks for at most 3 requests a second without an API key; Crossref's polite pool allows more. */
const PUBMED_SPACING_MS = 340;

type Due = { kind: 'PMID' | 'DOI'; identifier: string; status: string; attempts: number };

/**
 * One pass of the retry job (citation-source-runner.ts): looks up every cited PMID and DOI that is due, in batches
 * claimed with FOR UPDATE SKIP LOCKED and leased by moving their next attempt on, so that two instances never ask
 * about the same source, and stores each answer with its date. A failure is stored too, with when to try again
 * (lookup-backoff.ts). The readers of a claim whose citation changed are told, so its panel shows it.
 */
export async function enrichCitationSources(options: {
  urls: SourceUrls;
  /** The clock, for tests of the back-off. */
  now?: () => Date;
  timeoutMs?: number;
  /** Asked between look-ups: the app is stopping. */
  stopping?: () => boolean;
}): Promise<{ lookedUp: number; found: number }> {
  const now = options.now ?? (() => new Date());
  let lookedUp = 0;
  let found = 0;
  let lastPubmed = 0;
  for (;;) {
    if (options.stopping?.()) break;
    const due = await claimDue(now());
    if (due.length === 0) break;
    for (const source of due) {
      if (options.stopping?.()) {
        // Handed back at once rather than when the lease ends.
        await prisma.citationSource.updateMany({
          where: { kind: source.kind, identifier: source.identifier },
          data: { nextAttemptAt: now() },
        });
        continue;
      }
      if (source.kind === 'PMID') {
        const wait = lastPubmed + PUBMED_SPACING_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lastPubmed = Date.now();
      }
      const answer = await lookUpCitationSource({
        ...source,
        urls: options.urls,
        timeoutMs: options.timeoutMs,
      });
      await storeAnswer(source, answer, now());
      lookedUp += 1;
      if (answer.status === 'FOUND') found += 1;
    }
  }
  return { lookedUp, found };
}

async function claimDue(now: Date): Promise<Due[]> {
  return prisma.$queryRaw<Due[]>`
    UPDATE "CitationSource" s SET "nextAttemptAt" = ${timestamp(new Date(now.getTime() + LEASE_MS))}::timestamp
    FROM (
      SELECT kind, identifier FROM "CitationSource"
      WHERE "nextAttemptAt" <= ${timestamp(now)}::timestamp
      ORDER BY "nextAttemptAt"
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED) due
    WHERE s.kind = due.kind AND s.identifier = due.identifier
    RETURNING s.kind::text AS kind, s.identifier, s.status::text AS status, s.attempts`;
}

async function storeAnswer(source: Due, answer: SourceAnswer, now: Date) {
  const where = { kind: source.kind, identifier: source.identifier };
  if (answer.status === 'FOUND') {
    await prisma.citationSource.updateMany({
      where,
      data: {
        status: 'FOUND',
        ...answer.metadata,
        error: null,
        attempts: 0,
        fetchedAt: now,
        nextAttemptAt: null,
      },
    });
  } else {
    const attempts = source.status === answer.status ? source.attempts + 1 : 1;
    await prisma.citationSource.updateMany({
      where,
      data: {
        status: answer.status,
        error: answer.error,
        attempts,
        fetchedAt: now,
        nextAttemptAt: nextLookupAfter(answer.status, attempts, now),
      },
    });
  }
  if (answer.status !== source.status) await announce(source);
}

/** Tells the readers of every claim citing the source (lib/live), as the audit trigger does for a reviewer's change. */
async function announce(source: Due) {
  await prisma.$queryRaw`
    SELECT pg_notify('review_changes', json_build_object('documentId', cl."documentId", 'claimId', cl.id,
      'action', 'citation.looked-up', 'actorId', NULL)::text)::text
    FROM "Citation" c JOIN "Claim" cl ON cl.id = c."claimId"
    WHERE c.kind = ${source.kind}::"CitationKind" AND c."deletedAt" IS NULL AND cl."deletedAt" IS NULL
      AND (CASE WHEN c.kind = 'DOI' THEN lower(c.identifier) ELSE c.identifier END) = ${source.identifier}`;
}

/** Prisma keeps DateTime columns as UTC `timestamp`: the literal, so the session's time zone plays no part. */
function timestamp(at: Date): string {
  return at.toISOString().replace('Z', '');
}
