export type ShutdownSignal = 'SIGINT' | 'SIGTERM';

/**
 * Runs the cleanup on Ctrl-C or SIGTERM, and exits when it is done. Any other handler of these signals is
 * removed, so none can exit before the cleanup has stopped the embedded database. The cleanup learns which
 * signal came: a person at a terminal wants the app gone now, a process manager wants it to finish its work.
 */
export function onShutdown(cleanup: (signal: ShutdownSignal) => Promise<void>) {
  let running = false;
  const handler = (signal: ShutdownSignal) => {
    if (running) return;
    running = true;
    cleanup(signal)
      .catch((e) => console.error(e))
      .finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
}
