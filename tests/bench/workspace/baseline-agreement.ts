// The agreement figures the workspace's header shows, computed for the baseline, so its page does the work the
// app's does: on verdicts, Fleiss' kappa (Cohen's for two reviewers); on evidence levels, the mean of the
// reviewer pairs' linearly weighted kappas, NONE being no rank. Both over the claims every reviewer rated.

export type Rating = {
  claimId: string;
  reviewerId: string;
  verdict: string | null;
  evidenceLevel: string | null;
};

export type Figure = { statistic: string; kappa: number | null; band: string; note: string };

const RANKS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5'];

export function agreementFigures(ratings: readonly Rating[]): { verdict: Figure; evidenceLevel: Figure } {
  const verdicts = completeCases(ratings, 'verdict');
  const levels = completeCases(ratings, 'evidenceLevel');
  const panel = (cases: Cases) =>
    `${cases.reviewers} reviewers, ${cases.rows.length} claims rated by all of them` +
    (cases.partial > 0 ? `; ${cases.partial} claims not yet rated by everyone left out` : '');
  const pairs = levels.reviewers < 2 ? [] : pairKappas(levels.rows);
  const defined = pairs.filter((k): k is number => k !== null);
  const levelKappa = defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
  return {
    verdict: figure(
      verdicts.reviewers === 2 ? "Cohen's kappa" : "Fleiss' kappa",
      verdicts.reviewers < 2 ? null : (verdicts.reviewers === 2 ? cohen : fleiss)(verdicts.rows),
      panel(verdicts),
    ),
    evidenceLevel: figure(
      'Mean pairwise weighted kappa (linear weights)',
      levelKappa,
      `${panel(levels)}; mean of ${defined.length} reviewer pairs`,
    ),
  };
}

const figure = (statistic: string, kappa: number | null, note: string): Figure => ({
  statistic,
  kappa,
  band: band(kappa),
  note,
});

/** Landis & Koch's bands, on kappa as shown (two decimals). */
function band(kappa: number | null): string {
  if (kappa === null) return 'not enough data';
  const shown = Math.round(kappa * 100) / 100;
  const bands: Array<[number, string]> = [
    [0, 'poor'],
    [0.2, 'slight'],
    [0.4, 'fair'],
    [0.6, 'moderate'],
    [0.8, 'substantial'],
  ];
  return bands.find(([limit], i) => (i === 0 ? shown < limit : shown <= limit))?.[1] ?? 'almost perfect';
}

type Cases = { reviewers: number; rows: string[][]; partial: number };

/** The claim × reviewer table of one field, keeping only claims that every reviewer who used it rated. */
function completeCases(ratings: readonly Rating[], field: 'verdict' | 'evidenceLevel'): Cases {
  const claims = new Map<string, Map<string, string>>();
  const reviewers = new Set<string>();
  for (const rating of ratings) {
    const value = rating[field];
    if (value === null) continue;
    reviewers.add(rating.reviewerId);
    const row = claims.get(rating.claimId) ?? new Map<string, string>();
    claims.set(rating.claimId, row.set(rating.reviewerId, value));
  }
  const order = [...reviewers].sort();
  const rows = [...claims.values()]
    .filter((row) => row.size === order.length)
    .map((row) => order.map((id) => row.get(id) as string));
  return { reviewers: order.length, rows, partial: claims.size - rows.length };
}

function fleiss(rows: string[][]): number | null {
  const raters = rows[0]?.length ?? 0;
  if (rows.length === 0 || raters < 2) return null;
  const totals = new Map<string, number>();
  let observed = 0;
  for (const row of rows) {
    const counts = new Map<string, number>();
    for (const value of row) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) {
      totals.set(value, (totals.get(value) ?? 0) + count);
      observed += (count * (count - 1)) / (raters * (raters - 1) * rows.length);
    }
  }
  let chance = 0;
  for (const total of totals.values()) chance += (total / (rows.length * raters)) ** 2;
  return chance >= 1 ? null : (observed - chance) / (1 - chance);
}

function cohen(rows: string[][]): number | null {
  if (rows.length === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let same = 0;
  for (const [a = '', b = ''] of rows) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
    if (a === b) same++;
  }
  let chance = 0;
  for (const [value, count] of first) chance += (count * (second.get(value) ?? 0)) / rows.length ** 2;
  return chance >= 1 ? null : (same / rows.length - chance) / (1 - chance);
}

/** Each pair of reviewers' weighted kappa, or null where it is undefined (no ranked pairs, or one category). */
function pairKappas(rows: string[][]): Array<number | null> {
  const width = rows[0]?.length ?? 0;
  const kappas: Array<number | null> = [];
  for (let a = 0; a < width; a++) {
    for (let b = a + 1; b < width; b++) {
      const ranked = rows
        .map((row) => [RANKS.indexOf(row[a] as string), RANKS.indexOf(row[b] as string)])
        .filter(([x, y]) => (x as number) >= 0 && (y as number) >= 0) as Array<[number, number]>;
      kappas.push(linearKappa(ranked));
    }
  }
  return kappas;
}

function linearKappa(pairs: Array<[number, number]>): number | null {
  if (pairs.length === 0) return null;
  const left = RANKS.map(() => 0);
  const right = RANKS.map(() => 0);
  let apart = 0;
  for (const [x, y] of pairs) {
    left[x] = (left[x] as number) + 1;
    right[y] = (right[y] as number) + 1;
    apart += Math.abs(x - y);
  }
  let expectedApart = 0;
  left.forEach((l, x) => {
    right.forEach((r, y) => {
      expectedApart += (Math.abs(x - y) * l * r) / pairs.length;
    });
  });
  return expectedApart === 0 ? null : 1 - apart / expectedApart;
}
