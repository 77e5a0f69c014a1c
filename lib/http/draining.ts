// Whether this instance is stopping (SIGTERM): it finishes what it is answering, and /api/ready says "draining" so
// that a load balancer sends the next requests elsewhere. Route handlers are bundled apart from the server that
// sets it, so the flag lives on globalThis, one per process.
const store = globalThis as unknown as { evidenceReviewDraining?: boolean };

export function markDraining() {
  store.evidenceReviewDraining = true;
}

export function isDraining(): boolean {
  return store.evidenceReviewDraining === true;
}
