export type CitationKind = 'PMID' | 'DOI' | 'URL';

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
