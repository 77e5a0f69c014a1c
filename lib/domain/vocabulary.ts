// The domain vocabulary of DESIGN.md as plain values, shared by the UI, validation and exports.
// The names match the Prisma enums, so values pass between layers unchanged.

export const VERDICTS = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const;
export type Verdict = (typeof VERDICTS)[number];

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
