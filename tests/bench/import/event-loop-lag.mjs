// Loaded into the app's server by the import bench (NODE_OPTIONS=--import …): the server's own event-loop delay,
// as perf_hooks measures it from inside. On SIGUSR2 it appends the histogram gathered since the last signal to
// BENCH_LAG_FILE as one JSON line and starts afresh, so the bench brackets exactly the span it measures. The
// figures are in milliseconds, less the sampling interval, so an idle loop reads about 0. Plain JavaScript: it
// loads before tsx does.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const RESOLUTION_MS = 10;
const file = process.env.BENCH_LAG_FILE;

if (file && isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const lag = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  process.on('SIGUSR2', () => {
    const figures = {
      pid: process.pid,
      samples: histogram.count,
      p50: lag(histogram.percentile(50)),
      p99: lag(histogram.percentile(99)),
      max: lag(histogram.max),
    };
    fs.appendFileSync(file, `${JSON.stringify(figures)}\n`);
    histogram.reset();
  });
}
