/**
 * Runs the cleanup on Ctrl-C or SIGTERM, and exits when it is done. Any other handler of these signals is
 * removed, so none can exit before the cleanup has stopped the embedded database.
 */
export function onShutdown(cleanup: () => Promise<void>) {
  let running = false;
  const handler = () => {
    if (running) return;
    running = true;
    cleanup()
      .catch((e) => console.error(e))
      .finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
}
