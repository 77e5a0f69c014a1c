// The extractor's output. Pure data: no Prisma types, so the extractor stays free of I/O.

export const CLAIM_KINDS = [
  'EFFICACY',
  'MECHANISM',
  'SAFETY',
  'EPIDEMIOLOGY',
  'RECOMMENDATION',
  'OTHER',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export type SourceFormat = 'TEXT' | 'MARKDOWN' | 'HTML';

export type ExtractedSection = {
  heading: string;
  /** Offsets of the heading text in the body. */
  start: number;
  end: number;
};

export type ExtractedClaim = {
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
};

export type Extraction = {
  /** The normalised body; every offset points into it. */
  body: string;
  title: string | null;
  sections: ExtractedSection[];
  claims: ExtractedClaim[];
};
