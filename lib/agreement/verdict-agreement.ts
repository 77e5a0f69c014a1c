import { cohensKappa } from './cohens-kappa';
import type { CompleteRatings } from './complete-ratings';
import { fleissKappa } from './fleiss-kappa';
import { type LandisKochLabel, landisKochLabel } from './landis-koch';
import { ratingPairs } from './rating-pairs';
import { type KappaUndefinedReason, VERDICTS, type Verdict } from './types';

export type VerdictAgreement = {
  method: 'cohens-kappa' | 'fleiss-kappa' | null;
  kappa: number | null;
  label: LandisKochLabel;
  reason: KappaUndefinedReason | 'TOO_FEW_REVIEWERS' | null;
  reviewers: number;
  claimsUsed: number;
  claimsExcluded: number;
};

/**
 * Agreement on verdicts. Two reviewers get Cohen's kappa, the usual statistic for a fixed pair: its chance
 * term uses each reviewer's own verdict mix. Fleiss' kappa pools the mix across raters, which is what lets it
 * take three or more.
 */
export function verdictAgreement({
  reviewers,
  rows,
  claimsExcluded,
}: CompleteRatings<Verdict>): VerdictAgreement {
  const counts = { reviewers: reviewers.length, claimsUsed: rows.length, claimsExcluded };
  if (reviewers.length < 2) {
    return {
      method: null,
      kappa: null,
      label: landisKochLabel(null),
      reason: 'TOO_FEW_REVIEWERS',
      ...counts,
    };
  }
  const twoReviewers = reviewers.length === 2;
  const { kappa, reason } = twoReviewers
    ? cohensKappa(ratingPairs(rows, 0, 1), VERDICTS)
    : fleissKappa(rows, VERDICTS);
  return {
    method: twoReviewers ? 'cohens-kappa' : 'fleiss-kappa',
    kappa,
    label: landisKochLabel(kappa),
    reason,
    ...counts,
  };
}
