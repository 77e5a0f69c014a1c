// How a benchmark runs: what it set up (databases, servers) is undone in reverse at the end, on Ctrl-C too, so a
// server stops before its database is dropped. A missed target is a finding the benchmark prints; the exit code
// is 1 only when the benchmark itself could not run.
import { onShutdown } from '@/lib/cli/on-shutdown';

/** Steps that undo the set-up, pushed in the order it was made. */
export type Teardown = Array<() => Promise<void>>;

export function runBench(main: (teardown: Teardown) => Promise<void>) {
  const teardown: Teardown = [];
  let tearingDown: Promise<void> | undefined;
  const tearDown = () => {
    tearingDown ??= (async () => {
      for (const step of teardown.reverse()) await step().catch((e) => console.error(e));
    })();
    return tearingDown;
  };
  onShutdown(tearDown);
  main(teardown).then(
    async () => {
      await tearDown();
      process.exit(0);
    },
    async (e) => {
      console.error(`The benchmark could not run: ${(e as Error).stack ?? e}`);
      await tearDown();
      process.exit(1);
    },
  );
}
