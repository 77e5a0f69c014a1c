import { describe, expect, it } from 'vitest';
import { EVIDENCE_LEVELS, VERDICTS } from '@/lib/domain/vocabulary';
import {
  describeVerdictChart,
  type VerdictChartData,
  verdictChartGeometry,
} from '@/lib/summary/verdict-chart';

const BOX = { width: 700, height: 240, padding: { top: 10, right: 20, bottom: 30, left: 40 } };

function chart(
  entries: Array<[verdict: keyof VerdictChartData, level: string, count: number]>,
): VerdictChartData {
  const data = Object.fromEntries(
    VERDICTS.map((v) => [v, Object.fromEntries([...EVIDENCE_LEVELS, 'UNSET'].map((l) => [l, 0]))]),
  ) as VerdictChartData;
  for (const [verdict, level, count] of entries)
    data[verdict][level as keyof VerdictChartData['SUPPORTED']] = count;
  return data;
}

describe('verdictChartGeometry', () => {
  it('stacks the verdicts of each evidence level bottom up, scaled to a rounded maximum', () => {
    const geometry = verdictChartGeometry(
      chart([
        ['SUPPORTED', 'LEVEL_1', 4],
        ['SPECULATIVE', 'LEVEL_1', 2],
        ['UNSUPPORTED', 'LEVEL_1', 1],
        ['UNSUPPORTED', 'NONE', 3],
      ]),
      BOX,
    );
    expect(geometry.plot).toEqual({ left: 40, top: 10, right: 680, bottom: 210 });
    // The tallest bar is 7 claims; steps of 2 up to 8 keep the gridlines on whole numbers.
    expect(geometry.max).toBe(8);
    expect(geometry.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
    expect(geometry.ticks.map((t) => t.y)).toEqual([210, 160, 110, 60, 10]);

    expect(geometry.bars.map((b) => b.label)).toEqual([
      'CEBM 1',
      'CEBM 2',
      'CEBM 3',
      'CEBM 4',
      'CEBM 5',
      'No evidence',
    ]);
    const [level1] = geometry.bars;
    expect(level1?.total).toBe(7);
    // 200 px for 8 claims: 25 px a claim, stacked from the baseline at 210.
    expect(level1?.segments).toEqual([
      { verdict: 'SUPPORTED', count: 4, y: 110, height: 100 },
      { verdict: 'SPECULATIVE', count: 2, y: 60, height: 50 },
      { verdict: 'UNSUPPORTED', count: 1, y: 35, height: 25 },
    ]);
    expect(geometry.bars[5]?.segments).toEqual([{ verdict: 'UNSUPPORTED', count: 3, y: 135, height: 75 }]);
    expect(geometry.bars[1]?.segments).toEqual([]);
  });

  it('places the bars in equal bands, centred, within the plot', () => {
    const { bars } = verdictChartGeometry(chart([['SUPPORTED', 'LEVEL_2', 1]]), BOX);
    const band = 640 / 6;
    bars.forEach((bar, i) => {
      expect(bar.centre).toBeCloseTo(40 + band * (i + 0.5));
      expect(bar.width).toBeCloseTo(band * 0.6);
      expect(bar.x + bar.width / 2).toBeCloseTo(bar.centre);
    });
  });

  it('adds a "Not given" bar only when some verdict has no evidence level', () => {
    const without = verdictChartGeometry(chart([['SUPPORTED', 'LEVEL_2', 1]]), BOX);
    expect(without.bars.map((b) => b.level)).not.toContain('UNSET');
    const withUnset = verdictChartGeometry(chart([['SPECULATIVE', 'UNSET', 2]]), BOX);
    expect(withUnset.bars.at(-1)).toMatchObject({ level: 'UNSET', label: 'Not given', total: 2 });
  });

  it('draws an empty chart with a 0–1 axis when no claim has a verdict', () => {
    const geometry = verdictChartGeometry(chart([]), BOX);
    expect(geometry.max).toBe(1);
    expect(geometry.ticks.map((t) => t.value)).toEqual([0, 1]);
    expect(geometry.bars.every((b) => b.total === 0 && b.segments.length === 0)).toBe(true);
  });

  it('keeps to at most five steps for large counts', () => {
    const geometry = verdictChartGeometry(chart([['SUPPORTED', 'LEVEL_1', 10_001]]), BOX);
    expect(geometry.ticks.map((t) => t.value)).toEqual([0, 5_000, 10_000, 15_000]);
  });
});

const DESCRIBED_BOX = { width: 600, height: 200, padding: { top: 0, right: 0, bottom: 0, left: 0 } };
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
    expect(describeVerdictChart(verdictChartGeometry(chart, DESCRIBED_BOX).bars)).toBe(
      '4 claims have a consensus verdict. CEBM 1: 2 supported, 1 unsupported. CEBM 2: none. CEBM 3: none. ' +
        'CEBM 4: none. CEBM 5: 1 speculative. No evidence: none.',
    );
  });

  it('says when there is nothing to chart', () => {
    expect(describeVerdictChart(verdictChartGeometry(empty(), DESCRIBED_BOX).bars)).toBe(
      'No claim has a consensus verdict yet, so every bar is empty.',
    );
  });
});
