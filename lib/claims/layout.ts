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
