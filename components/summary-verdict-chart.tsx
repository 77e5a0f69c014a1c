import { VERDICTS } from '@/lib/domain/vocabulary';
import type { ReviewHeader } from '@/lib/exports/review-types';
import { describeVerdictChart, STATUS_COLOUR, verdictChartGeometry } from '@/lib/summary/verdict-chart';
import { STATUS_STYLE } from './status-style';

// Drawn twice, each at a size where its 11 px labels stay 11 px on screen: a phone shows the narrow drawing, a
// wider screen and paper the wide one. Only one is ever displayed, so a screen reader meets one chart.
const DRAWINGS = [
  { id: 'verdict-chart-narrow', width: 360, className: 'sm:hidden print:hidden' },
  { id: 'verdict-chart', width: 640, className: 'hidden sm:block print:block' },
] as const;
const HEIGHT = 240;

/**
 * Stacked bars of consensus verdicts by evidence level, drawn on the server as SVG so it needs no script and
 * prints as drawn. The <title> and <desc> carry the whole chart in words; the table beside it has the numbers.
 */
export function SummaryVerdictChart({ chart }: { chart: ReviewHeader['chart'] }) {
  return (
    <div className="max-w-2xl">
      {/* The key is in the page's text, so it wraps on a phone; the chart's own <desc> says it in words. */}
      <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {VERDICTS.map((verdict) => (
          <li key={verdict} className="inline-flex items-center gap-1.5">
            <span className={`inline-block size-3 ${STATUS_STYLE[verdict].bar}`} />
            {STATUS_STYLE[verdict].symbol} {STATUS_STYLE[verdict].label}
          </li>
        ))}
      </ul>
      {DRAWINGS.map((drawing) => (
        <div key={drawing.id} className={drawing.className}>
          <ChartDrawing chart={chart} id={drawing.id} width={drawing.width} />
        </div>
      ))}
    </div>
  );
}

function ChartDrawing({ chart, id, width }: { chart: ReviewHeader['chart']; id: string; width: number }) {
  const narrow = width < 480;
  const geometry = verdictChartGeometry(chart, {
    width,
    height: HEIGHT,
    padding: { top: 14, right: 8, bottom: narrow ? 38 : 26, left: 36 },
  });
  const { plot } = geometry;
  return (
    <svg
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="mt-2 h-auto w-full"
    >
      <title id={`${id}-title`}>Consensus verdicts by evidence level</title>
      <desc id={`${id}-desc`}>{describeVerdictChart(geometry.bars)}</desc>
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
          <text x={bar.centre} y={plot.bottom + 16} fontSize="11" textAnchor="middle" fill="#475569">
            {/* On the narrow drawing a bar's band is too small for "No evidence": one word a line. */}
            {narrow
              ? bar.label.split(' ').map((word, i) => (
                  <tspan key={word} x={bar.centre} dy={i === 0 ? 0 : 13}>
                    {word}
                  </tspan>
                ))
              : bar.label}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#64748b" />
    </svg>
  );
}
