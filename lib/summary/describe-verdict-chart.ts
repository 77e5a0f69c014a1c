import { VERDICT_LABEL, VERDICTS } from '@/lib/domain/vocabulary';
import type { ChartBar } from './verdict-chart-geometry';

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
