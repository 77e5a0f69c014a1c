// A citation's identifier: told apart and cleaned from what a reviewer pastes, and turned into a link.

type CitationKind = 'PMID' | 'DOI' | 'URL';

/**
 * Recognises a PMID, a DOI or a web address, and normalises it: a DOI loses its resolver prefix, a PMID its
 * "PMID:" label. Anything else is not a citation we can check.
 */
export function parseCitationIdentifier(raw: string): { kind: CitationKind; identifier: string } | null {
  const value = raw.trim();
  const pmid = /^(?:pmid:?\s*)?(\d{1,9})$/i.exec(value);
  if (pmid?.[1]) return { kind: 'PMID', identifier: pmid[1] };
  const doi = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(value);
  if (doi?.[1]) return { kind: 'DOI', identifier: doi[1] };
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) {
      return { kind: 'URL', identifier: url.toString() };
    }
  } catch {}
  return null;
}

/** A link a reader can follow for a citation: PubMed for a PMID, the doi.org resolver for a DOI, else the URL. */
export function citationUrl(citation: { kind: CitationKind; identifier: string }): string {
  if (citation.kind === 'PMID') return `https://pubmed.ncbi.nlm.nih.gov/${citation.identifier}/`;
  // DOIs may hold characters that end or break a URL (#, ?, %, <, >, spaces); doi.org decodes the escapes.
  if (citation.kind === 'DOI') {
    return `https://doi.org/${citation.identifier.split('/').map(encodeURIComponent).join('/')}`;
  }
  return citation.identifier;
}

/**
 * A cited PMID's or DOI's key in the CitationSource cache: a DOI in lower case, since DOIs are case-insensitive
 * and one look-up serves every spelling. URLs are not looked up: null.
 */
export function citationSourceKey(citation: {
  kind: CitationKind;
  identifier: string;
}): { kind: 'PMID' | 'DOI'; identifier: string } | null {
  if (citation.kind === 'PMID') return { kind: 'PMID', identifier: citation.identifier };
  if (citation.kind === 'DOI') return { kind: 'DOI', identifier: citation.identifier.toLowerCase() };
  return null;
}
