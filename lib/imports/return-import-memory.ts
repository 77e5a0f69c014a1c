import v8 from 'node:v8';
import vm from 'node:vm';
import { whenServerIsFree } from './when-server-is-free';

// After a large import, the server's thread holds garbage it does not give back by itself. A 2 MB article passes
// through this thread as about 90 MB of short-lived copies (its file, its body and its claims' rows, each as
// Prisma's parameters and the driver's buffers); V8 collects its old generation only as it fills, and an idle
// server fills nothing, so RSS stayed 60–80 MB over idle for as long as the server was idle. Measured: one full
// collection brings it back to idle, and takes the thread 100–200 ms on a busy two-core machine, so it runs
// once, after an import of at least RETURN_AFTER_BYTES, at a moment when no page is waiting if one comes.

/** The smallest file whose import is followed by a full collection: smaller ones leave a few megabytes. */
export const RETURN_AFTER_BYTES = 1024 * 1024;
/**
 * How long to wait for a quiet moment. On a machine whose cores other processes keep busy, the thread's timers
 * run late even when it has nothing to do, and no moment looks quiet: the collection then runs all the same.
 */
const QUIET_WAIT_MS = 5_000;

/** Called with no options, V8's `gc` makes a full collection (Node 20's takes `{ type: 'major' }` for less). */
type Collect = () => void;
let collect: Collect | null | undefined;

/** V8's own full collection: the `gc` that --expose-gc gives, for this process or through a new context. */
function fullCollection(): Collect | null {
  if (collect !== undefined) return collect;
  const given = (globalThis as { gc?: Collect }).gc;
  if (given) {
    collect = given;
    return collect;
  }
  try {
    // As jest-leak-detector takes it: the flag gives `gc` to a context made while it is on, and is turned off
    // again at once, so no other context (a page's, a library's) ever sees one.
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as Collect;
  } catch {
    collect = null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

/**
 * Gives back the memory the imports just run left behind, at a quiet moment if one comes; `stillIdle` is
 * asked just before, so an import that started meanwhile is not held up.
 */
export async function returnImportMemory(options: { stillIdle: () => boolean }) {
  await whenServerIsFree(QUIET_WAIT_MS);
  if (!options.stillIdle()) return;
  fullCollection()?.();
}
