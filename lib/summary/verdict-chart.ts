import type { ClaimStatus } from '@/lib/consensus/consensus';
import {
  EVIDENCE_LEVEL_SHORT,
  EVIDENCE_LEVELS,
  type EvidenceLevel,
  VERDICT_LABEL,
  VERDICTS,
  type Verdict,
} from '@/lib/domain/vocabulary';
import { LEVEL_NOT_GIVEN } from '@/lib/exports/review-words';

// The verdict × evidence level chart, for the summary page and the PDF alike: its geometry, its text
// alternative, and the status colours and symbols it is drawn in.

export type ChartLevel = EvidenceLevel | 'UNSET';
export type VerdictChartData = Record<Verdict, Record<ChartLevel, number>>;

export const CHART_LEVEL_LABEL: Record<ChartLevel, string> = {
  ...EVIDENCE_LEVEL_SHORT,
  UNSET: LEVEL_NOT_GIVEN,
};

type ChartSegment = { verdict: Verdict; count: number; y: number; height: number };
type ChartBar = {
  level: ChartLevel;
  label: string;
  /** Centre of the bar's band, where its axis label goes. */
  centre: number;
  x: number;
  width: number;
  total: number;
  /** Bottom to top in VERDICTS order, so every bar stacks the same way; empty segments are left out. */
  segments: ChartSegment[];
};
type VerdictChartGeometry = {
  plot: { left: number; top: number; right: number; bottom: number };
  max: number;
  ticks: Array<{ value: number; y: number }>;
  bars: ChartBar[];
};

type Box = {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
};

/**
 * Stacked bars of consensus verdicts, one bar per evidence level, in the units of the drawing that asks (SVG
 * pixels or PDF points): the page's chart and the PDF's are the same picture. "Not given" (a verdict no reviewer
 * gave a level) only gets a bar when some claim is in it, so the usual chart keeps to the CEBM scale.
 */
export function verdictChartGeometry(chart: VerdictChartData, box: Box): VerdictChartGeometry {
  const plot = {
    left: box.padding.left,
    top: box.padding.top,
    right: box.width - box.padding.right,
    bottom: box.height - box.padding.bottom,
  };
  const levels: ChartLevel[] = VERDICTS.some((v) => chart[v].UNSET > 0)
    ? [...EVIDENCE_LEVELS, 'UNSET']
    : [...EVIDENCE_LEVELS];
  const totals = levels.map((level) => VERDICTS.reduce((sum, v) => sum + chart[v][level], 0));
  const step = tickStep(Math.max(0, ...totals));
  const max = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const scale = (plot.bottom - plot.top) / max;
  const band = (plot.right - plot.left) / levels.length;
  const width = band * 0.6;

  const bars = levels.map((level, i) => {
    let base = plot.bottom;
    const segments: ChartSegment[] = [];
    for (const verdict of VERDICTS) {
      const count = chart[verdict][level];
      if (count === 0) continue;
      const height = count * scale;
      base -= height;
      segments.push({ verdict, count, y: base, height });
    }
    const centre = plot.left + band * (i + 0.5);
    return {
      level,
      label: CHART_LEVEL_LABEL[level],
      centre,
      x: centre - width / 2,
      width,
      total: totals[i] ?? 0,
      segments,
    };
  });
  const ticks = Array.from({ length: max / step + 1 }, (_, i) => ({
    value: i * step,
    y: plot.bottom - i * step * scale,
  }));
  return { plot, max, ticks, bars };
}

/** A whole-number step of 1, 2 or 5 × 10ⁿ that gives at most five gridlines above zero. */
function tickStep(max: number): number {
  const raw = Math.max(1, max / 5);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 5, 10].find((f) => f * magnitude >= raw) ?? 10;
  return factor * magnitude;
}

/**
 * The chart in a sentence per bar, for its <desc>: a screen reader hears the same numbers a sighted reader
 * sees, in the same order, without having to find the table below it.
 */
export function describeVerdictChart(bars: readonly ChartBar[]): string {
  const total = bars.reduce((sum, bar) => sum + bar.total, 0);
  if (total === 0) return 'No claim has a consensus verdict yet, so every bar is empty.';
  const parts = bars.map((bar) => {
    if (bar.total === 0) return `${bar.label}: none.`;
    const counts = VERDICTS.flatMap((verdict) => {
      const count = bar.segments.find((s) => s.verdict === verdict)?.count ?? 0;
      return count > 0 ? [`${count} ${VERDICT_LABEL[verdict].toLowerCase()}`] : [];
    });
    return `${bar.label}: ${counts.join(', ')}.`;
  });
  return `${total} ${total === 1 ? 'claim has' : 'claims have'} a consensus verdict. ${parts.join(' ')}`;
}

// The status colours as hex for drawings (the SVG chart and the PDF), where Tailwind classes do not reach:
// the shades of the bars in components/status-style.ts (emerald-600, amber-500, rose-600, sky-500,
// violet-600, slate-300). Each comes with the same symbol as there, because colour is never the only signal.
export const STATUS_COLOUR: Record<ClaimStatus, string> = {
  SUPPORTED: '#059669',
  SPECULATIVE: '#f59e0b',
  UNSUPPORTED: '#e11d48',
  IN_REVIEW: '#0ea5e9',
  CONFLICT: '#7c3aed',
  UNREVIEWED: '#cbd5e1',
};

export const STATUS_SYMBOL: Record<ClaimStatus, string> = {
  SUPPORTED: '✓',
  SPECULATIVE: '~',
  UNSUPPORTED: '✗',
  IN_REVIEW: '◐',
  CONFLICT: '!',
  UNREVIEWED: '○',
};
