import { readEnv } from '@/lib/env';
import { enrichCitationSources } from './enrich-citation-sources';

// The retry job that fills citations in: every app instance runs it (instrumentation.ts), waking each POLL_MS and
// right after a citation is added here. Instances share the work through the cache's leases
// (enrich-citation-sources.ts), so however many run, each source is asked about once at a time.

/** How often an instance looks for sources due a look-up: added on another instance, or failed before. */
const POLL_MS = 30_000;

type RunnerState = {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again: boolean;
  stopped: boolean;
  lastError?: string;
};
// Server Actions and the instrumentation hook are bundled apart, and `npm start` loads this file once more to
// stop it: globalThis keeps one runner per process.
const store = globalThis as unknown as { citationSourceRunner?: RunnerState };
const state = (): RunnerState => {
  store.citationSourceRunner ??= { again: false, stopped: false };
  return store.citationSourceRunner;
};

/** Starts the retry job; called once per process, from instrumentation.ts. */
export function startCitationSourceRunner(options: { pollMs?: number } = {}) {
  const runner = state();
  runner.stopped = false;
  if (runner.timer) return;
  runner.timer = setInterval(wakeCitationSourceRunner, options.pollMs ?? POLL_MS);
  runner.timer.unref();
  wakeCitationSourceRunner();
}

/** Looks sources up now: a citation was just added. Returns at once; the look-ups run in the background. */
export function wakeCitationSourceRunner() {
  const runner = state();
  if (runner.stopped) return;
  if (runner.running) {
    runner.again = true;
    return;
  }
  runner.running = (async () => {
    try {
      const { PUBMED_BASE_URL, CROSSREF_BASE_URL } = readEnv();
      do {
        runner.again = false;
        await enrichCitationSources({
          urls: { pubmed: PUBMED_BASE_URL, crossref: CROSSREF_BASE_URL },
          stopping: () => runner.stopped,
        });
      } while (runner.again && !runner.stopped);
      runner.lastError = undefined;
    } catch (e) {
      // The database is away, say: said once, not every poll, and tried again at the next one.
      const message = e instanceof Error ? e.message : String(e);
      if (message !== runner.lastError) console.error(`Citations could not be looked up: ${message}`);
      runner.lastError = message;
    } finally {
      runner.running = undefined;
    }
  })();
}

/**
 * Stops the retry job, for a shutdown: no new look-up starts, and this resolves once the one under way has ended
 * (it times out within seconds), so the database can be closed after it.
 */
export async function stopCitationSourceRunner() {
  const runner = state();
  runner.stopped = true;
  clearInterval(runner.timer);
  runner.timer = undefined;
  await runner.running;
}
