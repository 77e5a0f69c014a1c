import { parseCitationIdentifier } from '@/lib/citations/citation-identifier';
import { uuid7 } from '@/lib/db/uuid7';
import type { ExtractedClaim } from '@/lib/extraction/types';

// A batch of claims in the shape its statement takes them (write-document.ts): one JSON array of rows, built
// where the claims are held. An import's claims are held in its worker thread, so the server's thread receives
// one string per batch and passes it on as one parameter, instead of copying and rearranging a thousand claims
// between two readers' pages. Pure, so the import worker can build it without a database client.

// Half a character: a claim's 32-character prefix or suffix can be cut between the two halves of one.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * PostgreSQL refuses half a character in JSON, where as a text parameter the driver's UTF-8 made it U+FFFD:
 * so it is here.
 */
const wellFormed = (text: string) => text.replace(LONE_SURROGATES, '\uFFFD');

/** A claim's first citation, from the source a CSV list of claims named for it. */
export type CitationToWrite = { claimId: string; kind: 'PMID' | 'DOI' | 'URL'; identifier: string };

export type ClaimBatch = {
  /** The claims as a JSON array of Claim rows, with each claim's section as an index into the sections. */
  rows: string;
  citations: CitationToWrite[];
};

/**
 * Claims `from` to `from + count`, numbered in document order from `firstNumber` (1 for a new document; the
 * next free number for the new claims of a new version), with a new id each.
 */
export function claimBatch(options: {
  claims: readonly ExtractedClaim[];
  sources?: readonly (string | null)[];
  from: number;
  count: number;
  firstNumber?: number;
}): ClaimBatch {
  const { claims, sources, from, count } = options;
  const firstNumber = options.firstNumber ?? 1;
  const citations: CitationToWrite[] = [];
  const rows = claims.slice(from, from + count).map((claim, i) => {
    const id = uuid7();
    const source = sources?.[from + i];
    const parsed = source ? parseCitationIdentifier(source) : null;
    if (parsed) citations.push({ claimId: id, ...parsed });
    return {
      id,
      number: firstNumber + from + i,
      sectionIndex: claim.sectionIndex,
      text: wellFormed(claim.text),
      quote: wellFormed(claim.quote),
      start: claim.start,
      end: claim.end,
      prefix: wellFormed(claim.prefix),
      suffix: wellFormed(claim.suffix),
      kind: claim.kind,
      hedged: claim.hedged,
    };
  });
  return { rows: JSON.stringify(rows), citations };
}
