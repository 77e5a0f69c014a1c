import type { CompleteRatings } from './complete-ratings';
import { type LandisKochLabel, landisKochLabel } from './landis-koch';
import { ratingPairs } from './rating-pairs';
import {
  type EvidenceLevel,
  type KappaUndefinedReason,
  type KappaWeights,
  RANKED_EVIDENCE_LEVELS,
} from './types';
import { weightedKappa } from './weighted-kappa';

export type EvidenceLevelAgreement = {
  method: 'weighted-kappa' | 'mean-pairwise-weighted-kappa' | null;
  weights: KappaWeights;
  kappa: number | null;
  label: LandisKochLabel;
  reason: KappaUndefinedReason | 'TOO_FEW_REVIEWERS' | null;
  reviewers: number;
  claimsUsed: number;
  claimsExcluded: number;
  /** Reviewer pairs whose weighted kappa is defined and went into kappa (at most 1 with two reviewers). */
  reviewerPairs: number;
  /** Comparisons of one claim by two reviewers left out because one side is NONE; with two reviewers, claims. */
  excludedComparisons: number;
};

// CEBM levels are ranks of study design, not measurements, so each step down the hierarchy costs the same.
// Quadratic weights would score "meta-analysis" against "single randomised trial" as 94% agreement.
const WEIGHTS: KappaWeights = 'linear';

/**
 * Agreement on evidence level. With three or more reviewers this is the mean of the pairwise weighted kappas,
 * Light's (1971) way of extending Cohen's kappa to a panel, because no weighted counterpart of Fleiss' kappa is
 * in common use. A pair whose kappa is undefined is left out of the mean rather than counted as 0 or 1, either
 * of which would invent a value; `reviewerPairs` says how many pairs were averaged.
 */
export function evidenceLevelAgreement({
  reviewers,
  rows,
  claimsExcluded,
}: CompleteRatings<EvidenceLevel>): EvidenceLevelAgreement {
  const counts = { reviewers: reviewers.length, claimsUsed: rows.length, claimsExcluded };
  if (reviewers.length < 2) {
    return {
      method: null,
      weights: WEIGHTS,
      kappa: null,
      label: landisKochLabel(null),
      reason: 'TOO_FEW_REVIEWERS',
      ...counts,
      reviewerPairs: 0,
      excludedComparisons: 0,
    };
  }

  const results = reviewers.flatMap((_, first) =>
    reviewers
      .slice(first + 1)
      .map((_, offset) =>
        weightedKappa(ratingPairs(rows, first, first + 1 + offset), RANKED_EVIDENCE_LEVELS, WEIGHTS),
      ),
  );
  const defined = results.flatMap(({ kappa }) => (kappa === null ? [] : [kappa]));
  const kappa = defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
  let reason: EvidenceLevelAgreement['reason'] = null;
  if (kappa === null) {
    reason = results.every((result) => result.reason === 'NO_ITEMS') ? 'NO_ITEMS' : 'SINGLE_CATEGORY';
  }
  return {
    method: reviewers.length === 2 ? 'weighted-kappa' : 'mean-pairwise-weighted-kappa',
    weights: WEIGHTS,
    kappa,
    label: landisKochLabel(kappa),
    reason,
    ...counts,
    reviewerPairs: defined.length,
    excludedComparisons: results.reduce((sum, result) => sum + result.excluded, 0),
  };
}
