// Assessment values as the agreement statistics see them: plain strings, no Prisma types, so the statistics
// stay free of I/O and can be unit-tested on their own.

export const VERDICTS = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The Oxford CEBM 2011 levels, strongest first: the order the weighted kappa measures distance along. */
export const RANKED_EVIDENCE_LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5'] as const;
export type RankedEvidenceLevel = (typeof RANKED_EVIDENCE_LEVELS)[number];

/** NONE ("no evidence offered") is the absence of a level, not a rank below LEVEL_5. */
export type EvidenceLevel = RankedEvidenceLevel | 'NONE';

/**
 * Why a kappa is null rather than a number:
 * - NO_ITEMS: nothing was rated by every rater the statistic needs;
 * - SINGLE_CATEGORY: every rating fell in one and the same category, so chance agreement is 1 and kappa is 0/0.
 *   The raters agree perfectly, but there is no variation to show that the agreement is better than chance.
 */
export type KappaUndefinedReason = 'NO_ITEMS' | 'SINGLE_CATEGORY';

export type KappaWeights = 'linear' | 'quadratic';
