/** A timer this late means the server's thread has work queued: pages or saves waiting their turn. */
const BUSY_MS = 5;

/**
 * Waits, at most `maxWaitMs`, for a moment when the server's thread is not busy; true if one came. Import work
 * is background work: on a server with two cores it would take turns with every reader's page, so it goes when
 * they have gone.
 */
export async function whenServerIsFree(maxWaitMs: number): Promise<boolean> {
  const started = performance.now();
  while (performance.now() - started < maxWaitMs) {
    const asked = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (performance.now() - asked - 1 < BUSY_MS) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
