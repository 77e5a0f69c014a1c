// The resident memory of a process and its descendants as the kernel counts it (VmRSS in /proc/<pid>/status),
// sampled at a fixed interval: a worker process the server may start for a job counts with the server.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const RSS_SAMPLE_MS = 50;

type RssSample = { at: number; bytes: number };

/** Samples until stopped. */
export function sampleRss(pid: number) {
  const samples: RssSample[] = [];
  const take = () => {
    const sample = { at: performance.now(), bytes: treeRss(pid) };
    if (sample.bytes === 0) return;
    samples.push(sample);
  };
  take();
  const timer = setInterval(take, RSS_SAMPLE_MS);
  return {
    samples,
    /** The samples taken between two instants (performance.now()). */
    between: (from: number, to: number) => samples.filter((s) => s.at >= from && s.at <= to),
    stop: () => clearInterval(timer),
  };
}

function treeRss(pid: number): number {
  let bytes = 0;
  for (const id of [pid, ...descendants(pid)]) {
    const status = read(`/proc/${id}/status`);
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb) bytes += Number(kb) * 1024;
  }
  return bytes;
}

function descendants(pid: number): number[] {
  const children = readDirectory(`/proc/${pid}/task`).flatMap((task) =>
    read(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number),
  );
  return children.flatMap((child) => [child, ...descendants(child)]);
}

// A process may end between listing and reading: it then counts for nothing.
function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function readDirectory(directory: string): string[] {
  try {
    return fs.readdirSync(directory);
  } catch {
    return [];
  }
}
