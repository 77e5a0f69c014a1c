import { describe, expect, it } from 'vitest';
import { EVIDENCE_LEVELS, VERDICTS } from '@/lib/domain/vocabulary';
import { describeVerdictChart } from '@/lib/summary/describe-verdict-chart';
import { type VerdictChartData, verdictChartGeometry } from '@/lib/summary/verdict-chart-geometry';

const BOX = { width: 600, height: 200, padding: { top: 0, right: 0, bottom: 0, left: 0 } };
const empty = () =>
  Object.fromEntries(
    VERDICTS.map((v) => [v, Object.fromEntries([...EVIDENCE_LEVELS, 'UNSET'].map((l) => [l, 0]))]),
  ) as VerdictChartData;

describe('describeVerdictChart', () => {
  it('reads out each bar in order', () => {
    const chart = empty();
    chart.SUPPORTED.LEVEL_1 = 2;
    chart.UNSUPPORTED.LEVEL_1 = 1;
    chart.SPECULATIVE.LEVEL_5 = 1;
    expect(describeVerdictChart(verdictChartGeometry(chart, BOX).bars)).toBe(
      '4 claims have a consensus verdict. CEBM 1: 2 supported, 1 unsupported. CEBM 2: none. CEBM 3: none. ' +
        'CEBM 4: none. CEBM 5: 1 speculative. No evidence: none.',
    );
  });

  it('says when there is nothing to chart', () => {
    expect(describeVerdictChart(verdictChartGeometry(empty(), BOX).bars)).toBe(
      'No claim has a consensus verdict yet, so every bar is empty.',
    );
  });
});
