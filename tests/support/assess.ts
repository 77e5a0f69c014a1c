import { recordAssessment } from '@/lib/assessments/record-assessment';
import type { Certainty, EvidenceLevel, GradeDomain, Verdict } from '@/lib/domain/vocabulary';

/** A reviewer's assessment through the real code path, with no certainty or rationale unless a test needs them. */
export function assess({
  reviewerId,
  ...options
}: {
  claimId: string;
  reviewerId: string;
  verdict: Verdict | null;
  evidenceLevel?: EvidenceLevel | null;
  certainty?: Certainty | null;
  downgradeReasons?: GradeDomain[];
  rationale?: string | null;
  expectedVersion?: number;
}) {
  return recordAssessment({
    evidenceLevel: null,
    certainty: null,
    downgradeReasons: [],
    rationale: null,
    expectedVersion: 0,
    reviewer: { id: reviewerId, role: 'REVIEWER' },
    ...options,
  });
}
