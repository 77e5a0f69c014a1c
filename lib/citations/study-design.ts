// From what PubMed or Crossref says a cited source is, to the study design it suggests, and from that to the
// evidence level it suggests on the Oxford CEBM 2011 scale (DESIGN.md: Assessment). Only ever a suggestion: the
// CEBM levels also depend on the question asked and the study's quality, which a reviewer judges.
import type { EvidenceLevel } from '@/lib/domain/vocabulary';

/** Strongest first: when a source carries several publication types, the first that applies is suggested. */
export const STUDY_DESIGNS = [
  'META_ANALYSIS',
  'SYSTEMATIC_REVIEW',
  'RANDOMISED_TRIAL',
  'NON_RANDOMISED_TRIAL',
  'COHORT',
  'OBSERVATIONAL',
  'CASE_CONTROL',
  'CASE_SERIES',
  'REVIEW',
  'EDITORIAL',
  'MECHANISTIC',
] as const;
export type StudyDesign = (typeof STUDY_DESIGNS)[number];

export const STUDY_DESIGN_LABEL: Record<StudyDesign, string> = {
  META_ANALYSIS: 'meta-analysis',
  SYSTEMATIC_REVIEW: 'systematic review',
  RANDOMISED_TRIAL: 'randomised controlled trial',
  NON_RANDOMISED_TRIAL: 'non-randomised controlled trial',
  COHORT: 'cohort study',
  OBSERVATIONAL: 'observational study',
  CASE_CONTROL: 'case-control study',
  CASE_SERIES: 'case series or case report',
  REVIEW: 'narrative review',
  EDITORIAL: 'editorial, comment or letter',
  MECHANISTIC: 'mechanistic or laboratory study',
};

/**
 * CEBM 2011, "Does this intervention help?": 1 systematic review of randomised trials; 2 randomised trial; 3
 * non-randomised controlled cohort or follow-up study; 4 case series, case-control or historically controlled
 * study; 5 mechanism-based reasoning. A narrative review or an editorial is opinion, which this app files at 5.
 * An observational study is given a cohort's 3, the most it can be; a case-control one, which PubMed tags the same
 * way, the reviewer lowers.
 */
export const STUDY_DESIGN_LEVEL: Record<StudyDesign, EvidenceLevel> = {
  META_ANALYSIS: 'LEVEL_1',
  SYSTEMATIC_REVIEW: 'LEVEL_1',
  RANDOMISED_TRIAL: 'LEVEL_2',
  NON_RANDOMISED_TRIAL: 'LEVEL_3',
  COHORT: 'LEVEL_3',
  OBSERVATIONAL: 'LEVEL_3',
  CASE_CONTROL: 'LEVEL_4',
  CASE_SERIES: 'LEVEL_4',
  REVIEW: 'LEVEL_5',
  EDITORIAL: 'LEVEL_5',
  MECHANISTIC: 'LEVEL_5',
};

// PubMed's publication types (MeSH, https://www.nlm.nih.gov/mesh/pubtypes.html) that name a design. The others
// ("Journal Article", "Multicenter Study", "Clinical Trial" without its kind, …) say nothing about it.
const BY_PUBLICATION_TYPE: Record<string, StudyDesign> = {
  'meta-analysis': 'META_ANALYSIS',
  'systematic review': 'SYSTEMATIC_REVIEW',
  'randomized controlled trial': 'RANDOMISED_TRIAL',
  'randomized controlled trial, veterinary': 'RANDOMISED_TRIAL',
  'controlled clinical trial': 'NON_RANDOMISED_TRIAL',
  'observational study': 'OBSERVATIONAL',
  'observational study, veterinary': 'OBSERVATIONAL',
  'case reports': 'CASE_SERIES',
  review: 'REVIEW',
  'scoping review': 'REVIEW',
  editorial: 'EDITORIAL',
  comment: 'EDITORIAL',
  letter: 'EDITORIAL',
};

// A title's words, for a DOI (Crossref has no publication types) or a PMID whose types name no design. In order:
// "a systematic review and meta-analysis" is a meta-analysis, "a non-randomised trial" no randomised one.
const BY_TITLE: ReadonlyArray<[RegExp, StudyDesign]> = [
  [/\bmeta-?analys[ie]s\b/i, 'META_ANALYSIS'],
  [/\bsystematic review\b/i, 'SYSTEMATIC_REVIEW'],
  [/(?<!non-?)\brandomi[sz]ed\b[^.]*\b(trial|study)\b|\bRCT\b/i, 'RANDOMISED_TRIAL'],
  [/\bnon-?randomi[sz]ed\b[^.]*\btrial\b/i, 'NON_RANDOMISED_TRIAL'],
  [/\bcohort\b|\bprospective (study|follow-up)\b/i, 'COHORT'],
  [/\bcase-?control\b/i, 'CASE_CONTROL'],
  [/\bcase (series|reports?)\b/i, 'CASE_SERIES'],
  [/\bin vitro\b|\b(mice|mouse|rats?|murine)\b/i, 'MECHANISTIC'],
  [/\breview\b/i, 'REVIEW'],
  [/\b(editorial|commentary)\b/i, 'EDITORIAL'],
];

export type DesignSuggestion = {
  design: StudyDesign;
  level: EvidenceLevel;
  /** Publication types are the indexers' word; a title's words are a weaker hint, and the panel says which. */
  basis: 'publication type' | 'title';
};

/** The design a source's publication types (else its title) suggest, and its level; null when they say none. */
export function suggestStudyDesign(source: {
  publicationTypes: ReadonlyArray<string>;
  title: string | null;
}): DesignSuggestion | null {
  const typed = source.publicationTypes
    .map((t) => BY_PUBLICATION_TYPE[t.trim().toLowerCase()])
    .filter((d): d is StudyDesign => d !== undefined);
  if (typed.length > 0) {
    const design = STUDY_DESIGNS.find((d) => typed.includes(d)) as StudyDesign;
    return { design, level: STUDY_DESIGN_LEVEL[design], basis: 'publication type' };
  }
  const title = source.title ?? '';
  const match = BY_TITLE.find(([pattern]) => pattern.test(title));
  if (!match) return null;
  return { design: match[1], level: STUDY_DESIGN_LEVEL[match[1]], basis: 'title' };
}
