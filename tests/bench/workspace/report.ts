// The benchmark's one table: each figure for the app and the baseline, the ratio, the target and the verdict.
import { type BrowserFigures, EVENT_THRESHOLD_MS } from './browser';
import { percentile } from './load';

export type Figures = {
  page: {
    p50: number;
    p95: number;
    concurrentP50: number;
    concurrentP95: number;
    perSecond: number;
    bytes: number;
  };
  save: { p50: number; p95: number; concurrentP50: number; concurrentP95: number };
  /** null when Chromium could not be measured (the reason is printed). */
  browser: BrowserFigures | null;
};

/** `stretch`: a tighter ratio worth reaching, reported beside the verdict but not part of it. */
type Target = { kind: 'ratio' | 'absolute'; max: number; stretch?: number; text: string };
type Row = {
  metric: string;
  unit: 'ms' | 'interaction' | 'req/s' | 'KB';
  value: (f: Figures) => number | null;
  target?: Target;
};

const fromBrowser = (list: keyof BrowserFigures, p: number) => (f: Figures) =>
  f.browser ? percentile(f.browser[list], p) : null;

const ROWS: Row[] = [
  { metric: 'Page p50, 1 client', unit: 'ms', value: (f) => f.page.p50 },
  { metric: 'Page p95, 1 client', unit: 'ms', value: (f) => f.page.p95, target: ratio(2) },
  { metric: 'Page p50, 10 clients', unit: 'ms', value: (f) => f.page.concurrentP50 },
  { metric: 'Page p95, 10 clients', unit: 'ms', value: (f) => f.page.concurrentP95, target: ratio(2) },
  { metric: 'Page requests/s, 10 clients', unit: 'req/s', value: (f) => f.page.perSecond },
  { metric: 'Page size', unit: 'KB', value: (f) => f.page.bytes / 1024 },
  { metric: 'Save p50, 1 client', unit: 'ms', value: (f) => f.save.p50 },
  { metric: 'Save p95, 1 client', unit: 'ms', value: (f) => f.save.p95, target: ratio(2.5, 2) },
  { metric: 'Save p50, 10 clients', unit: 'ms', value: (f) => f.save.concurrentP50 },
  { metric: 'Save p95, 10 clients', unit: 'ms', value: (f) => f.save.concurrentP95, target: ratio(2.5, 2) },
  { metric: 'Choose a verdict, INP p50', unit: 'interaction', value: fromBrowser('interactions', 50) },
  {
    metric: 'Choose a verdict, INP max',
    unit: 'interaction',
    value: fromBrowser('interactions', 100),
    target: { kind: 'absolute', max: 100, text: '< 100 ms' },
  },
  { metric: 'LCP p50', unit: 'ms', value: fromBrowser('lcp', 50) },
  {
    metric: 'LCP max',
    unit: 'ms',
    value: fromBrowser('lcp', 100),
    target: { kind: 'absolute', max: 1500, text: '< 1.5 s' },
  },
];

function ratio(max: number, stretch?: number): Target {
  const text = `≤ ${max}× baseline${stretch ? ` (stretch ${stretch}×)` : ''}`;
  return { kind: 'ratio', max, stretch, text };
}

function show(value: number | null, unit: Row['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'interaction' && value < EVENT_THRESHOLD_MS) return `< ${EVENT_THRESHOLD_MS} ms`;
  if (unit === 'req/s') return `${value.toFixed(1)} req/s`;
  if (unit === 'KB') return `${value.toFixed(0)} KB`;
  return `${value.toFixed(1)} ms`;
}

/** Prints the table and the verdict; returns the missed targets (empty when all were met). */
export function printReport(app: Figures | null, baseline: Figures): string[] {
  const missed: string[] = [];
  const lines = ROWS.map((row) => {
    const ours = app ? row.value(app) : null;
    const theirs = row.value(baseline);
    // Under the Event Timing threshold both read as "< 16 ms": their ratio says nothing.
    const comparable =
      ours !== null &&
      theirs !== null &&
      theirs > 0 &&
      (row.unit !== 'interaction' || theirs >= EVENT_THRESHOLD_MS);
    const times = comparable ? `${(ours / theirs).toFixed(2)}×` : '—';
    let verdict = '';
    if (row.target && app) {
      const measured = row.target.kind === 'ratio' ? (comparable ? ours / theirs : null) : ours;
      const pass = measured === null ? null : measured <= row.target.max;
      const stretched =
        pass && row.target.stretch !== undefined && (measured as number) <= row.target.stretch;
      verdict = pass === null ? 'not measured' : pass ? (stretched ? 'PASS, stretch too' : 'PASS') : 'FAIL';
      if (pass !== true) missed.push(`${row.metric} (${row.target.text}): ${verdict}`);
    }
    return [row.metric, show(ours, row.unit), show(theirs, row.unit), times, row.target?.text ?? '', verdict];
  });
  printTable(['Metric', 'App', 'Baseline', 'Ratio', 'Target', 'Result'], lines);
  console.log(
    app
      ? missed.length === 0
        ? '\nVerdict: every target met.'
        : `\nVerdict: ${missed.length} target(s) missed:\n  ${missed.join('\n  ')}`
      : '\nVerdict: none (--baseline-only: the app was not measured).',
  );
  return missed;
}

/** Prints a header and its lines as aligned columns, under a rule. */
export function printTable(header: string[], lines: string[][]) {
  const table = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)));
  const format = (line: string[]) =>
    line
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}
