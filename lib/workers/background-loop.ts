/**
 * A job that every app instance runs in the background (import jobs, citation look-ups): it wakes every `pollMs`
 * for work queued on another instance or left to retry, and at once when work was queued here. One round runs at
 * a time; a wake-up during a round runs one more round after it, so nothing queued meanwhile waits for the poll.
 */
export type BackgroundLoop = {
  /** Starts polling, once per process (instrumentation.ts); `now` runs a first round at once. */
  start(options?: { pollMs?: number; now?: boolean }): void;
  /** Runs a round now, or right after the one under way. Returns at once. */
  wake(): void;
  /** No new round starts; resolves once the one under way has ended, so the database can be closed after it. */
  stop(): Promise<void>;
};

type LoopState = {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again: boolean;
  stopped: boolean;
  lastError?: string;
};

export function backgroundLoop(options: {
  /** Names the loop's state on globalThis: Route handlers, Server Actions and the instrumentation hook are bundled
   * apart, and `npm start` loads the module once more to stop it, so a module-level variable would make several. */
  key: string;
  pollMs: number;
  /** What failed, for the log: "Import jobs could not be run". */
  failure: string;
  /** One round: do all the work due. `stopping` tells a long round to end early. */
  round: (stopping: () => boolean) => Promise<void>;
}): BackgroundLoop {
  const store = globalThis as unknown as Record<string, LoopState | undefined>;
  const state = (): LoopState => {
    store[options.key] ??= { again: false, stopped: false };
    return store[options.key] as LoopState;
  };
  const wake = () => {
    const loop = state();
    if (loop.stopped) return;
    if (loop.running) {
      loop.again = true;
      return;
    }
    loop.running = (async () => {
      try {
        do {
          loop.again = false;
          await options.round(() => loop.stopped);
        } while (loop.again && !loop.stopped);
        loop.lastError = undefined;
      } catch (e) {
        // The database is away, say: said once, not at every poll, and tried again at the next one.
        const message = e instanceof Error ? e.message : String(e);
        if (message !== loop.lastError) console.error(`${options.failure}: ${message}`);
        loop.lastError = message;
      } finally {
        loop.running = undefined;
      }
    })();
  };
  return {
    start: ({ pollMs = options.pollMs, now = false } = {}) => {
      const loop = state();
      loop.stopped = false;
      if (loop.timer) return;
      loop.timer = setInterval(wake, pollMs);
      loop.timer.unref();
      if (now) wake();
    },
    wake,
    stop: async () => {
      const loop = state();
      loop.stopped = true;
      clearInterval(loop.timer);
      loop.timer = undefined;
      await loop.running;
    },
  };
}
