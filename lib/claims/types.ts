// The extractor's output. Pure data: no Prisma types, so the extractor stays free of I/O.

export { CLAIM_KINDS, type ClaimKind } from '@/lib/domain/vocabulary';

import type { ClaimKind } from '@/lib/domain/vocabulary';

export type SourceFormat = 'TEXT' | 'MARKDOWN' | 'HTML';

export type ExtractedSection = {
  /** The heading as a reader sees it, without a trailing colon: exactly body.slice(start, end). */
  heading: string;
  /** 1–6 as in HTML. A heading recognised by its layout alone sits one level below the last marked-up one. */
  level: number;
  /** Offsets of the heading text in the body. */
  start: number;
  end: number;
};

export type ExtractedClaim = {
  /** The reviewer-facing statement: the quote, or for a list item the list's lead-in and the item. */
  text: string;
  /** Exactly body.slice(start, end). */
  quote: string;
  start: number;
  end: number;
  /** Up to 32 characters either side, for re-anchoring with a TextQuote selector. */
  prefix: string;
  suffix: string;
  /** Index into Extraction.sections, or null before the first heading. */
  sectionIndex: number | null;
  kind: ClaimKind;
  hedged: boolean;
  /** The hedging words in text, lower-cased, in order of first appearance; empty unless hedged. */
  hedges: readonly string[];
};

export type Extraction = {
  /** The normalised body; every offset points into it. */
  body: string;
  title: string | null;
  /** From a byline or the source's metadata, when it names one. */
  author?: string;
  /** An ISO date (yyyy-mm-dd), from a date line or the source's metadata. */
  publishedAt?: string;
  sections: ExtractedSection[];
  claims: ExtractedClaim[];
};
