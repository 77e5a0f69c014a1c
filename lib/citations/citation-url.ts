import type { CitationKind } from './parse-citation-identifier';

/** Where a reader can open the cited source: PubMed for a PMID, the DOI resolver for a DOI, the URL itself. */
export function citationUrl(kind: CitationKind, identifier: string): string {
  if (kind === 'PMID') return `https://pubmed.ncbi.nlm.nih.gov/${identifier}/`;
  if (kind === 'DOI') return `https://doi.org/${identifier}`;
  return identifier;
}
