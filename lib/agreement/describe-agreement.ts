import type { DocumentAgreement } from './agreement';
import type { LandisKochLabel } from './kappa';

export type AgreementFigure = {
  /** What was compared: "Verdict" or "Evidence level". */
  measure: string;
  /** The statistic's name, e.g. "Cohen's kappa". */
  statistic: string;
  /** Kappa to two decimals with a true minus sign, or null when there is not enough data. */
  value: string | null;
  label: LandisKochLabel;
  /** The numbers behind the figure, or why there is none, in a sentence. */
  detail: string;
};

const VERDICT_STATISTIC = {
  'cohens-kappa': "Cohen's kappa",
  'fleiss-kappa': "Fleiss' kappa",
} as const;

const LEVEL_STATISTIC = {
  'weighted-kappa': 'Weighted kappa',
  'mean-pairwise-weighted-kappa': 'Mean pairwise weighted kappa',
} as const;

const NOT_ENOUGH: Record<'TOO_FEW_REVIEWERS' | 'NO_ITEMS' | 'SINGLE_CATEGORY', string> = {
  TOO_FEW_REVIEWERS: 'Not enough data: agreement needs at least two reviewers.',
  NO_ITEMS: 'Not enough data: no claim has been rated by every reviewer yet.',
  SINGLE_CATEGORY:
    'Not enough data: every rating fell in the same category, so agreement beyond chance cannot be measured.',
};

/** The kappa figures as the summary page and the PDF print them, so both say the same thing. */
export function describeAgreement(agreement: DocumentAgreement): AgreementFigure[] {
  const { verdict, evidenceLevel } = agreement;
  const levelNotes = [
    evidenceLevel.excludedComparisons > 0
      ? `${plural(evidenceLevel.excludedComparisons, 'comparison')} with “no evidence offered” left out, as it is not a rank`
      : null,
    evidenceLevel.method === 'mean-pairwise-weighted-kappa'
      ? `mean of ${plural(evidenceLevel.reviewerPairs, 'reviewer pair')}`
      : null,
  ];
  return [
    {
      measure: 'Verdict',
      statistic: verdict.method ? VERDICT_STATISTIC[verdict.method] : 'Kappa',
      value: formatKappa(verdict.kappa),
      label: verdict.label,
      detail: verdict.reason ? NOT_ENOUGH[verdict.reason] : coverage(verdict, []),
    },
    {
      measure: 'Evidence level',
      statistic: `${evidenceLevel.method ? LEVEL_STATISTIC[evidenceLevel.method] : 'Weighted kappa'} (${evidenceLevel.weights} weights)`,
      value: formatKappa(evidenceLevel.kappa),
      label: evidenceLevel.label,
      detail: evidenceLevel.reason ? NOT_ENOUGH[evidenceLevel.reason] : coverage(evidenceLevel, levelNotes),
    },
  ];
}

function coverage(
  figure: { reviewers: number; claimsUsed: number; claimsExcluded: number },
  notes: Array<string | null>,
): string {
  const parts = [
    `${plural(figure.reviewers, 'reviewer')}, ${plural(figure.claimsUsed, 'claim')} rated by all of them`,
    figure.claimsExcluded > 0
      ? `${plural(figure.claimsExcluded, 'claim')} not yet rated by everyone left out`
      : null,
    ...notes,
  ];
  return `${parts.filter(Boolean).join('; ')}.`;
}

function formatKappa(kappa: number | null): string | null {
  if (kappa === null) return null;
  // toFixed can print "-0.00" for a tiny negative kappa; that reads as a sign error.
  const fixed = Math.abs(kappa) < 0.005 ? '0.00' : kappa.toFixed(2);
  return fixed.replace('-', '−');
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
