// A cited source in words, as a reference list gives it: the same in the claim panel, the summary and every
// export. Pure. What PubMed or Crossref said is text from outside; each format escapes it as it escapes what
// reviewers type.
import type { EvidenceLevel } from '@/lib/domain/vocabulary';
import { STUDY_DESIGN_LABEL, type StudyDesign, suggestStudyDesign } from './study-design';

/** What the cache says a cited PMID or DOI is, once found (CitationSource), with the design it suggests. */
export type CitedSource = {
  title: string | null;
  journal: string | null;
  year: number | null;
  /** "Family Initials", in order. */
  authors: string[];
  publicationTypes: string[];
  suggestedStudyDesign: StudyDesign | null;
  suggestedEvidenceLevel: EvidenceLevel | null;
  /** When PubMed or Crossref answered. */
  lookedUpAt: string | null;
};

/** A found source as the cache holds it, with the study design and level its publication types suggest. */
export function citedSource(
  row: Omit<CitedSource, 'suggestedStudyDesign' | 'suggestedEvidenceLevel'>,
): CitedSource {
  const suggested = suggestStudyDesign(row);
  return {
    ...row,
    suggestedStudyDesign: suggested?.design ?? null,
    suggestedEvidenceLevel: suggested?.level ?? null,
  };
}

/** "Smith J", "Smith J, Jones K" or "Smith J et al."; null when none are listed. */
export function shortAuthors(authors: readonly string[]): string | null {
  const [first, second] = authors;
  if (!first) return null;
  if (authors.length > 2) return `${first} et al.`;
  return second ? `${first}, ${second}` : first;
}

/**
 * "Smith J et al. Title. Journal, 2019 (PMID 123456; meta-analysis)": the looked-up source, with the design the
 * reviewer typed or else the one its publication types suggest. Null when nothing was found yet: the caller
 * shows the citation as typed.
 */
export function citationReference(citation: {
  kind: 'PMID' | 'DOI' | 'URL';
  identifier: string;
  title: string | null;
  studyDesign: string | null;
  source?: CitedSource | null;
}): string | null {
  const { source } = citation;
  if (!source) return null;
  const authors = shortAuthors(source.authors);
  const title = source.title ?? citation.title?.trim() ?? null;
  const published = [source.journal, source.year === null ? null : String(source.year)]
    .filter(Boolean)
    .join(', ');
  const design =
    citation.studyDesign?.trim() ||
    (source.suggestedStudyDesign ? STUDY_DESIGN_LABEL[source.suggestedStudyDesign] : null);
  const parts = [authors, title].filter((s): s is string => !!s).map(sentence);
  if (published) parts.push(published);
  parts.push(`(${citation.kind} ${citation.identifier}${design ? `; ${design}` : ''})`);
  return parts.join(' ');
}

/** Ends with a full stop unless it ends with one already, or with "?" or "!". */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
