import type { CitationKind } from './parse-citation-identifier';

/** A link a reader can follow for a citation: PubMed for a PMID, the doi.org resolver for a DOI, else the URL. */
export function citationUrl(citation: { kind: CitationKind; identifier: string }): string {
  if (citation.kind === 'PMID') return `https://pubmed.ncbi.nlm.nih.gov/${citation.identifier}/`;
  // DOIs may hold characters that end or break a URL (#, ?, %, <, >, spaces); doi.org decodes the escapes.
  if (citation.kind === 'DOI') {
    return `https://doi.org/${citation.identifier.split('/').map(encodeURIComponent).join('/')}`;
  }
  return citation.identifier;
}
