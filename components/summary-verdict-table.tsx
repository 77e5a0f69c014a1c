import { VERDICTS } from '@/lib/domain/vocabulary';
import type { ReviewHeader } from '@/lib/exports/review-types';
import { CHART_LEVEL_LABEL, type ChartLevel } from '@/lib/summary/verdict-chart';
import { STATUS_STYLE } from './status-style';

/** The chart's numbers as a real table: verdicts down, evidence levels across, with totals both ways. */
export function SummaryVerdictTable({ chart }: { chart: ReviewHeader['chart'] }) {
  const levels = (Object.keys(CHART_LEVEL_LABEL) as ChartLevel[]).filter(
    (level) => level !== 'UNSET' || VERDICTS.some((v) => chart[v].UNSET > 0),
  );
  const total = (verdict: (typeof VERDICTS)[number]) => levels.reduce((sum, l) => sum + chart[verdict][l], 0);
  const cell = 'border-b border-slate-200 px-2 py-1 text-right tabular-nums';
  return (
    // Nine columns do not fit a phone: the table scrolls inside its own box, never the page, and takes the
    // keyboard focus so that it can be scrolled without a mouse.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section aria-labelledby="verdict-table-caption" tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        {/* Held at the box's left edge, so it stays whole while the columns scroll. */}
        <caption
          id="verdict-table-caption"
          className="sticky left-0 mb-1 max-w-[calc(100vw-2rem)] text-left text-sm text-slate-700"
        >
          Claims with a consensus verdict, by verdict and by the evidence level agreed for them (Oxford CEBM
          2011)
        </caption>
        <thead className="table-header-group bg-slate-100">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-medium">
              Verdict
            </th>
            {levels.map((level) => (
              <th key={level} scope="col" className="px-2 py-1 text-right font-medium">
                {CHART_LEVEL_LABEL[level]}
              </th>
            ))}
            <th scope="col" className="px-2 py-1 text-right font-medium">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {VERDICTS.map((verdict) => (
            <tr key={verdict}>
              <th scope="row" className="border-b border-slate-200 px-2 py-1 text-left font-normal">
                <span aria-hidden="true" className="mr-1">
                  {STATUS_STYLE[verdict].symbol}
                </span>
                {STATUS_STYLE[verdict].label}
              </th>
              {levels.map((level) => (
                <td key={level} className={cell}>
                  {chart[verdict][level]}
                </td>
              ))}
              <td className={`${cell} font-medium`}>{total(verdict)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="px-2 py-1 text-left font-medium">
              Total
            </th>
            {levels.map((level) => (
              <td key={level} className="px-2 py-1 text-right font-medium tabular-nums">
                {VERDICTS.reduce((sum, v) => sum + chart[v][level], 0)}
              </td>
            ))}
            <td className="px-2 py-1 text-right font-semibold tabular-nums">
              {VERDICTS.reduce((sum, v) => sum + total(v), 0)}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
