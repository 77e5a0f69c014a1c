import { completeRatings } from './complete-ratings';
import { type EvidenceLevelAgreement, evidenceLevelAgreement } from './evidence-level-agreement';
import type { EvidenceLevel, Verdict } from './types';
import { type VerdictAgreement, verdictAgreement } from './verdict-agreement';

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
