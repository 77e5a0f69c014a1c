import type { Worker } from 'node:worker_threads';

/**
 * A worker thread's replies, taken one at a time in the order they came. A worker that dies (out of memory,
 * say) or stops fails the reply being waited for, and every later one, with the error `failure` makes of it.
 * The export and import workers both talk to the server's thread this way.
 */
export function workerReplies<Reply>(
  worker: Worker,
  failure: { error: (error: Error & { code?: string }) => Error; exit: (code: number) => Error },
) {
  const queued: Reply[] = [];
  let waiter: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;
  let failed: Error | null = null;
  const onMessage = (reply: Reply) => {
    if (waiter) waiter.resolve(reply);
    else queued.push(reply);
    waiter = null;
  };
  const fail = (error: Error) => {
    failed = error;
    waiter?.reject(error);
    waiter = null;
  };
  const onError = (error: Error & { code?: string }) => fail(failure.error(error));
  const onExit = (code: number) => fail(failure.exit(code));
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  return {
    take(): Promise<Reply> {
      const reply = queued.shift();
      if (reply !== undefined) return Promise.resolve(reply);
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    close() {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    },
  };
}
