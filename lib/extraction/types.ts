import type { ClaimKind } from '@/lib/domain/vocabulary';
import type { ClaimReference } from './study-citations';

// The extractor's output. Pure data: no Prisma types, so the extractor stays free of I/O.

export { CLAIM_KINDS, type ClaimKind } from '@/lib/domain/vocabulary';

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
  /** It cites a study: a numbered or author-year marker, or in words ("a 2006 study showed"). */
  citesStudy: boolean;
  /** The entries of the document's reference list its markers point to; absent when none. */
  references?: readonly ClaimReference[];
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

// What each source format is reduced to before claims are looked for: a body and its blocks in reading order.

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'verbatim';

export type Block = {
  /** A verbatim block (code, a table row) is kept in the body but never holds claims. */
  kind: BlockKind;
  /** The block's text in the body, trimmed; a list item's marker lies before start. */
  start: number;
  end: number;
  /** A heading's level (1–6), from its markup or, for a heading found by its layout, set with its role; else 0. */
  level: number;
  /** Items of one list, nested lists included, share a number; -1 outside lists. */
  list: number;
  /** Written on one line: only such a paragraph can be a title, a heading or a date line. */
  singleLine: boolean;
  /** The markup says it belongs to a reference list (for example an HTML class="references"). */
  reference: boolean;
  /** Every word of it is the text of a link: a menu, a share bar, an item of a list of related articles. */
  linksOnly?: boolean;
};

export type Layout = {
  body: string;
  blocks: Block[];
  /** Whether a short line standing alone may be a heading; HTML marks its headings up, so there it may not. */
  headingsByLayout: boolean;
  /** Metadata the source states outright: HTML <title> and <meta>, Markdown front matter. */
  title?: string;
  author?: string;
  publishedAt?: string;
};
