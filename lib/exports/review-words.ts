// The review in words, for the exports that carry prose rather than codes (JSON-LD, annotations, PDF) and for
// the summary page, so every format says the same thing the same way.
import { type ClaimStatus, inReviewWords, type ReviewProgress } from '@/lib/consensus/consensus';
import {
  CERTAINTY_LABEL,
  type Certainty,
  EVIDENCE_LEVEL_LABEL,
  EVIDENCE_LEVEL_SHORT,
  type EvidenceLevel,
  GRADE_DOMAIN_LABEL,
  type GradeDomain,
  VERDICT_LABEL,
  type Verdict,
} from '@/lib/domain/vocabulary';

export const STATUS_WORDS: Record<ClaimStatus, string> = {
  ...VERDICT_LABEL,
  IN_REVIEW: 'In review',
  CONFLICT: 'In conflict',
  UNREVIEWED: 'Unreviewed',
};

/** A claim's status in words; a claim in review says how far it has got: "In review (1 of 2)". */
export function claimStatusWords(row: { status: ClaimStatus; progress: ReviewProgress | null }): string {
  return row.status === 'IN_REVIEW' && row.progress ? inReviewWords(row.progress) : STATUS_WORDS[row.status];
}

/** A consensus verdict with no evidence level: the chart's extra bar and the table cell say this. */
export const LEVEL_NOT_GIVEN = 'Not given';

/**
 * Why a claim has no consensus evidence level, in a table cell and in words. The consensus keeps the weakest
 * level any agreeing reviewer gave, so a claim with a consensus verdict but no level is one where nobody gave
 * a level: "Not given", not "Not agreed", which is for a conflict.
 */
function missingLevel(status: ClaimStatus): { short: string; words: string } {
  if (status === 'CONFLICT')
    return { short: 'Not agreed', words: 'none agreed, the reviewers disagree on the verdict' };
  if (status === 'UNREVIEWED') return { short: '—', words: 'none, not reviewed yet' };
  if (status === 'IN_REVIEW') return { short: '—', words: 'none yet, the claim is still in review' };
  return { short: LEVEL_NOT_GIVEN, words: 'none given by the reviewers' };
}

/** The consensus evidence level in a table cell: its short name, or why there is none. */
export function evidenceLevelCell(status: ClaimStatus, level: EvidenceLevel | null): string {
  return level === null ? missingLevel(status).short : EVIDENCE_LEVEL_SHORT[level];
}

/** "Oxford CEBM level 2 (randomised trial)"; a claim without a level says why rather than staying silent. */
export function evidenceLevelWords(status: ClaimStatus, level: EvidenceLevel | null): string {
  if (level === null) return missingLevel(status).words;
  if (level === 'NONE') return 'no evidence offered';
  const [, meaning] = EVIDENCE_LEVEL_LABEL[level].split(': ');
  return `Oxford CEBM level ${level.slice(-1)} (${meaning})`;
}

/** "Low (GRADE), downgraded for risk of bias and imprecision"; null when no certainty was rated. */
export function certaintyWords(certainty: Certainty | null, reasons: readonly GradeDomain[]): string | null {
  if (certainty === null) return null;
  const base = `${CERTAINTY_LABEL[certainty]} (GRADE)`;
  if (reasons.length === 0) return base;
  return `${base}, downgraded for ${listWords(reasons.map((r) => GRADE_DOMAIN_LABEL[r].toLowerCase()))}`;
}

function listWords(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Each reviewer's verdict as "Name: Verdict", in the order of the assessments: what a claim in conflict shows
 * in place of a consensus, since the verdicts it is torn between are what an adjudicator has to resolve.
 */
export function reviewerVerdicts(
  assessments: ReadonlyArray<{ reviewer: string; verdict: Verdict | null }>,
): string[] {
  return assessments.flatMap((a) => (a.verdict ? [`${a.reviewer}: ${VERDICT_LABEL[a.verdict]}`] : []));
}
