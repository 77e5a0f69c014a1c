import {
  cohensKappa,
  fleissKappa,
  type KappaUndefinedReason,
  type KappaWeights,
  type LandisKochLabel,
  landisKochLabel,
  weightedKappa,
} from './kappa';

// Assessment values as the agreement statistics see them: plain strings, no Prisma types, so the statistics
// stay free of I/O and can be unit-tested on their own.

const VERDICTS = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The Oxford CEBM 2011 levels, strongest first: the order the weighted kappa measures distance along. */
export const RANKED_EVIDENCE_LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5'] as const;
type RankedEvidenceLevel = (typeof RANKED_EVIDENCE_LEVELS)[number];

/** NONE ("no evidence offered") is the absence of a level, not a rank below LEVEL_5. */
export type EvidenceLevel = RankedEvidenceLevel | 'NONE';

export type AgreementAssessment = {
  claimId: string;
  reviewerId: string;
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
};

export type DocumentAgreement = {
  /** Claims with at least one assessment. */
  claimsAssessed: number;
  verdict: VerdictAgreement;
  evidenceLevel: EvidenceLevelAgreement;
};

/**
 * Inter-rater agreement for one document's assessments, as plain data for the review workspace, the summary
 * and its exports. Verdict and evidence level each get their own panel (everyone who set that field on some
 * claim) and their own complete claims, because a reviewer may have set a verdict before an evidence level.
 */
export function documentAgreement(assessments: ReadonlyArray<AgreementAssessment>): DocumentAgreement {
  return {
    claimsAssessed: new Set(assessments.map(({ claimId }) => claimId)).size,
    verdict: verdictAgreement(
      completeRatings(
        assessments.map(({ claimId, reviewerId, verdict }) => ({ claimId, reviewerId, value: verdict })),
      ),
    ),
    evidenceLevel: evidenceLevelAgreement(
      completeRatings(
        assessments.map(({ claimId, reviewerId, evidenceLevel }) => ({
          claimId,
          reviewerId,
          value: evidenceLevel,
        })),
      ),
    ),
  };
}

type VerdictAgreement = {
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

type EvidenceLevelAgreement = {
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

/** One reviewer's value for one claim; null when the reviewer has not set it yet. */
type Rating<V> = { claimId: string; reviewerId: string; value: V | null };

export type CompleteRatings<V> = {
  /** Everyone who gave at least one value, sorted so that results do not depend on input order. */
  reviewers: string[];
  /** One row per claim that every reviewer rated, with the values in the order of `reviewers`. */
  rows: V[][];
  /** Claims with at least one value that are missing a value from some reviewer. */
  claimsExcluded: number;
};

/**
 * The complete cases of a claim × reviewer table: only claims that every reviewer rated. A kappa over the same
 * panel on every claim reads as "how well this team agrees"; a claim that one reviewer has not reached yet
 * says nothing about that, and the summary shows `claimsExcluded` so a partial review is visible.
 */
function completeRatings<V>(ratings: ReadonlyArray<Rating<V>>): CompleteRatings<V> {
  const byClaim = new Map<string, Map<string, V>>();
  for (const { claimId, reviewerId, value } of ratings) {
    if (value === null) continue;
    const values = byClaim.get(claimId) ?? new Map<string, V>();
    values.set(reviewerId, value);
    byClaim.set(claimId, values);
  }

  const reviewers = [...new Set([...byClaim.values()].flatMap((values) => [...values.keys()]))].sort();
  const rows: V[][] = [];
  for (const values of byClaim.values()) {
    const row = reviewers.flatMap((reviewer) => (values.has(reviewer) ? [values.get(reviewer) as V] : []));
    if (row.length === reviewers.length) rows.push(row);
  }
  return { reviewers, rows, claimsExcluded: byClaim.size - rows.length };
}

/** Two reviewers' values side by side, one [first, second] pair per complete row. */
function ratingPairs<V>(rows: ReadonlyArray<readonly V[]>, first: number, second: number): Array<[V, V]> {
  return rows.map((row) => [row[first] as V, row[second] as V]);
}
