// The domain vocabulary of DESIGN.md as plain values, shared by the UI, validation and exports.
// The names match the Prisma enums, so values pass between layers unchanged.

export const VERDICTS = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Open: reviewers see each other's assessments. Blind: only once they have submitted their own. */
export const REVIEW_MODES = ['OPEN', 'BLIND'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

export const EVIDENCE_LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'NONE'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const VERDICT_LABEL: Record<Verdict, string> = {
  SUPPORTED: 'Supported',
  SPECULATIVE: 'Speculative',
  UNSUPPORTED: 'Unsupported',
};

export const EVIDENCE_LEVEL_LABEL: Record<EvidenceLevel, string> = {
  LEVEL_1: 'Level 1: systematic review or meta-analysis',
  LEVEL_2: 'Level 2: randomised trial',
  LEVEL_3: 'Level 3: non-randomised controlled cohort or follow-up study',
  LEVEL_4: 'Level 4: case series, case-control or historically controlled study',
  LEVEL_5: 'Level 5: mechanism-based reasoning or expert opinion',
  NONE: 'None: no evidence offered',
};

export const EVIDENCE_LEVEL_SHORT: Record<EvidenceLevel, string> = {
  LEVEL_1: 'CEBM 1',
  LEVEL_2: 'CEBM 2',
  LEVEL_3: 'CEBM 3',
  LEVEL_4: 'CEBM 4',
  LEVEL_5: 'CEBM 5',
  NONE: 'No evidence',
};

export const CLAIM_KIND_LABEL = {
  EFFICACY: 'Efficacy',
  MECHANISM: 'Mechanism',
  SAFETY: 'Safety',
  EPIDEMIOLOGY: 'Epidemiology',
  RECOMMENDATION: 'Recommendation',
  OTHER: 'Other',
} as const;

export const COMMENT_MAX_LENGTH = 10_000;

export const CERTAINTIES = ['HIGH', 'MODERATE', 'LOW', 'VERY_LOW'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const CERTAINTY_LABEL: Record<Certainty, string> = {
  HIGH: 'High',
  MODERATE: 'Moderate',
  LOW: 'Low',
  VERY_LOW: 'Very low',
};

/** The five GRADE domains a certainty rating can be downgraded for. */
export const GRADE_DOMAINS = [
  'RISK_OF_BIAS',
  'INCONSISTENCY',
  'INDIRECTNESS',
  'IMPRECISION',
  'PUBLICATION_BIAS',
] as const;
export type GradeDomain = (typeof GRADE_DOMAINS)[number];

export const GRADE_DOMAIN_LABEL: Record<GradeDomain, string> = {
  RISK_OF_BIAS: 'Risk of bias',
  INCONSISTENCY: 'Inconsistency',
  INDIRECTNESS: 'Indirectness',
  IMPRECISION: 'Imprecision',
  PUBLICATION_BIAS: 'Publication bias',
};

export const CLAIM_KINDS = [
  'EFFICACY',
  'MECHANISM',
  'SAFETY',
  'EPIDEMIOLOGY',
  'RECOMMENDATION',
  'OTHER',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CITATION_RELATIONS = ['SUPPORTS', 'CONTRADICTS', 'MENTIONS'] as const;
export type CitationRelation = (typeof CITATION_RELATIONS)[number];

export const CITATION_RELATION_LABEL: Record<CitationRelation, string> = {
  SUPPORTS: 'Supports',
  CONTRADICTS: 'Contradicts',
  MENTIONS: 'Mentions',
};

export const RATIONALE_MAX_LENGTH = 5_000;
export const CITATION_NOTE_MAX_LENGTH = 2_000;
export const ADJUDICATION_NOTE_MAX_LENGTH = 5_000;

/** One reviewer's judgement of a claim: what an assessment holds besides who made it and its version. */
export type AssessmentValues = {
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
  certainty: Certainty | null;
  downgradeReasons: GradeDomain[];
  rationale: string | null;
};

/** A reviewer's assessment as the claim panel and the exports show it: who, what, and when (an ISO timestamp). */
export type ReviewerAssessment = AssessmentValues & {
  reviewerId: string;
  reviewer: string;
  updatedAt: string;
};
