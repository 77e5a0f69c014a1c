import { parseCitationIdentifier } from '@/lib/citations/citation-identifier';
import { uuid7 } from '@/lib/db/uuid7';
import type { ClaimReference } from '@/lib/extraction/study-citations';
import type { ExtractedClaim } from '@/lib/extraction/types';

// A batch of claims in the shape its statements take them (write-document.ts): JSON arrays of rows, built where
// the claims are held and encoded as UTF-8. An import's claims are held in its worker thread, which hands each
// array over as bytes without a copy; the server's thread passes the bytes on as a statement's parameter, which
// Prisma carries in base64 and the driver sends as they are. As a string, the same rows were escaped into JSON
// and parsed back by Prisma, and sent through the driver's UTF-8 encoder: 3–5 ms of the server's thread per
// thousand claims. Pure, so the import worker can build it without a database client.

/**
 * The most bytes of rows one statement carries. Every copy the server's thread makes of them (the base64 text,
 * its JSON, the buffer sent) then stays well under 128 KB, past which V8 gives an object pages of its own that
 * are kept until a full collection: after a large import the server held tens of megabytes of them.
 */
export const STATEMENT_BYTES = 64 * 1024;

// Half a character: a claim's 32-character prefix or suffix can be cut between the two halves of one.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * PostgreSQL refuses half a character in JSON, where as a text parameter the driver's UTF-8 made it U+FFFD:
 * so it is here.
 */
export const wellFormed = (text: string) => text.replace(LONE_SURROGATES, '\uFFFD');

const wellFormedReference = (reference: ClaimReference): ClaimReference => ({
  ...reference,
  label: wellFormed(reference.label),
  text: wellFormed(reference.text),
});

/** A claim's first citation, from the source a CSV list of claims named for it. */
export type CitationToWrite = { claimId: string; kind: 'PMID' | 'DOI' | 'URL'; identifier: string };

export type ClaimBatch = {
  /**
   * The claims as JSON arrays of Claim rows in UTF-8, at most about STATEMENT_BYTES each, with each claim's
   * section as an index into the sections.
   */
  rows: Uint8Array[];
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
  const rows: Uint8Array[] = [];
  let statement: string[] = [];
  let size = 0;
  const end = () => {
    if (statement.length > 0) rows.push(encoder.encode(`[${statement.join(',')}]`));
    statement = [];
    size = 0;
  };
  claims.slice(from, from + count).forEach((claim, i) => {
    const id = uuid7();
    const source = sources?.[from + i];
    const parsed = source ? parseCitationIdentifier(source) : null;
    if (parsed) citations.push({ claimId: id, ...parsed });
    const row = JSON.stringify({
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
      citesStudy: claim.citesStudy,
      references: claim.references ? claim.references.map(wellFormedReference) : null,
    });
    const bytes = Buffer.byteLength(row) + 1;
    if (size + bytes > STATEMENT_BYTES) end();
    statement.push(row);
    size += bytes;
  });
  end();
  return { rows, citations };
}

const encoder = new TextEncoder();
