import { readEnv } from '@/lib/env';
import { backgroundLoop } from '@/lib/workers/background-loop';
import { enrichCitationSources } from './enrich-citation-sources';

// The retry job that fills citations in: every app instance runs it (instrumentation.ts), waking each POLL_MS and
// right after a citation is added here. Instances share the work through the cache's leases
// (enrich-citation-sources.ts), so however many run, each source is asked about once at a time.

/** How often an instance looks for sources due a look-up: added on another instance, or failed before. */
const POLL_MS = 30_000;

const loop = backgroundLoop({
  key: 'citationSourceRunner',
  pollMs: POLL_MS,
  failure: 'Citations could not be looked up',
  round: async (stopping) => {
    const { PUBMED_BASE_URL, CROSSREF_BASE_URL } = readEnv();
    await enrichCitationSources({ urls: { pubmed: PUBMED_BASE_URL, crossref: CROSSREF_BASE_URL }, stopping });
  },
});

/** Starts the retry job; called once per process, from instrumentation.ts. */
export function startCitationSourceRunner(options: { pollMs?: number } = {}) {
  loop.start({ ...options, now: true });
}

/** Looks sources up now: a citation was just added. Returns at once; the look-ups run in the background. */
export const wakeCitationSourceRunner = loop.wake;

/**
 * Stops the retry job, for a shutdown: no new look-up starts, and this resolves once the one under way has ended
 * (it times out within seconds), so the database can be closed after it.
 */
export const stopCitationSourceRunner = loop.stop;
