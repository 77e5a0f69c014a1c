import {
  EVIDENCE_LEVEL_SHORT,
  EVIDENCE_LEVELS,
  type EvidenceLevel,
  VERDICTS,
  type Verdict,
} from '@/lib/domain/vocabulary';
import { LEVEL_NOT_GIVEN } from '@/lib/exports/review-words';

export type ChartLevel = EvidenceLevel | 'UNSET';
export type VerdictChartData = Record<Verdict, Record<ChartLevel, number>>;

export const CHART_LEVEL_LABEL: Record<ChartLevel, string> = {
  ...EVIDENCE_LEVEL_SHORT,
  UNSET: LEVEL_NOT_GIVEN,
};

export type ChartSegment = { verdict: Verdict; count: number; y: number; height: number };
export type ChartBar = {
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
export type VerdictChartGeometry = {
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
