import { VERDICTS } from '@/lib/domain/vocabulary';
import type { ReviewHeader } from '@/lib/exports/review-types';
import {
  describeVerdictChart,
  STATUS_COLOUR,
  STATUS_SYMBOL,
  verdictChartGeometry,
} from '@/lib/summary/verdict-chart';
import { STATUS_STYLE } from './status-style';

const WIDTH = 640;
const HEIGHT = 260;

/**
 * Stacked bars of consensus verdicts by evidence level, drawn on the server as SVG so it needs no script and
 * prints as drawn. The <title> and <desc> carry the whole chart in words; the table beside it has the numbers.
 */
export function SummaryVerdictChart({ chart }: { chart: ReviewHeader['chart'] }) {
  const geometry = verdictChartGeometry(chart, {
    width: WIDTH,
    height: HEIGHT,
    padding: { top: 34, right: 12, bottom: 30, left: 44 },
  });
  const { plot } = geometry;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="verdict-chart-title verdict-chart-desc"
      className="h-auto w-full max-w-2xl"
    >
      <title id="verdict-chart-title">Consensus verdicts by evidence level</title>
      <desc id="verdict-chart-desc">{describeVerdictChart(geometry.bars)}</desc>
      {VERDICTS.map((verdict, i) => (
        <g key={verdict} transform={`translate(${plot.left + i * 130} 8)`}>
          <rect width="12" height="12" fill={STATUS_COLOUR[verdict]} />
          <text x="18" y="10.5" fontSize="12" fill="#334155">
            {STATUS_SYMBOL[verdict]} {STATUS_STYLE[verdict].label}
          </text>
        </g>
      ))}
      {geometry.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#e2e8f0" />
          <text x={plot.left - 8} y={tick.y + 4} fontSize="11" textAnchor="end" fill="#475569">
            {tick.value}
          </text>
        </g>
      ))}
      {geometry.bars.map((bar) => (
        <g key={bar.level}>
          {bar.segments.map((segment) => (
            <rect
              key={segment.verdict}
              x={bar.x}
              y={segment.y}
              width={bar.width}
              height={segment.height}
              fill={STATUS_COLOUR[segment.verdict]}
              stroke="#ffffff"
              strokeWidth="1"
            >
              <title>{`${bar.label}, ${STATUS_STYLE[segment.verdict].label.toLowerCase()}: ${segment.count}`}</title>
            </rect>
          ))}
          {bar.total > 0 && (
            <text
              x={bar.centre}
              y={(bar.segments.at(-1)?.y ?? plot.bottom) - 5}
              fontSize="11"
              textAnchor="middle"
              fill="#0f172a"
            >
              {bar.total}
            </text>
          )}
          <text x={bar.centre} y={plot.bottom + 18} fontSize="11" textAnchor="middle" fill="#475569">
            {bar.label}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#64748b" />
    </svg>
  );
}
