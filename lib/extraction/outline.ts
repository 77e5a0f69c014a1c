import { parseDate, parseMetaLine } from './dates';
import { frontMatter, isFurniture, labelLength } from './furniture';
import { looksLikeHeading, looksLikeTitle } from './lines';
import { oneLine, splitSentences } from './sentences';
import type { Block, Layout } from './types';

// What each block is to the extractor (title, byline, heading, reference, claims) and which sentence leads into
// each list.

/** What a block is to the extractor; only 'claims' blocks hold claims. */
type Role = 'title' | 'meta' | 'heading' | 'reference' | 'claims' | 'none';

type Outline = { roles: Role[]; title: string | null; author?: string; publishedAt?: string };

// Date and byline lines are short; anything longer is prose.
const META_LINE = 160;
// Metadata lines follow the title directly; a byline further down ("By contrast, …") is prose.
const META_ZONE = 3;
// A byline, author list or affiliation may also stand a few blocks below the title (after a standfirst), but
// always before the first heading: further down, a list of names is a heading or a claim.
const FRONT_ZONE = 8;
// A question standing alone is a heading (an FAQ's question) when it is short and an answer follows.
const QUESTION_HEADING = 120;

/**
 * Decides the role of every block: the title, the byline and date lines under it, headings (marked up, or short
 * lines standing alone when the layout allows), reference lists (under a References-like heading, marked up as
 * such, or list items that cite), and the blocks that hold claims. Sets the level of headings found by layout,
 * and splits the label off each part of a structured abstract: layout.blocks is changed in place, so read the
 * blocks from the layout after calling this.
 */
export function assignRoles(layout: Layout): Outline {
  const labels = splitLabels(layout);
  const { body, blocks } = layout;
  const text = (index: number) => {
    const block = blocks[index];
    return block ? body.slice(block.start, block.end) : '';
  };
  const isShortLine = (index: number) => {
    const block = blocks[index];
    return block?.kind === 'paragraph' && block.singleLine && block.end - block.start <= META_LINE;
  };
  const roles: Role[] = blocks.map((block) =>
    block.kind === 'heading' ? 'heading' : block.kind === 'verbatim' || block.linksOnly ? 'none' : 'claims',
  );
  let title = layout.title ?? null;
  let author = layout.author;
  let publishedAt = layout.publishedAt;

  const titleIndex = findTitle(layout, text, isShortLine);
  if (titleIndex !== -1) {
    roles[titleIndex] = 'title';
    title ??= text(titleIndex);
    // A kicker over the title ("Health") names the site's section, not the article's.
    if (titleIndex === 1 && layout.title === undefined) roles[0] = 'none';
  }
  for (let i = titleIndex + 1; i <= titleIndex + META_ZONE && isShortLine(i); i++) {
    const meta = parseMetaLine(text(i));
    if (!meta) break;
    roles[i] = 'meta';
    author ??= meta.author;
    publishedAt ??= meta.date?.iso ?? undefined;
  }
  let authors: string | undefined;
  for (let i = 0; i < blocks.length && i <= titleIndex + FRONT_ZONE; i++) {
    const block = blocks[i];
    if (!block || block.kind === 'heading' || labels.has(block)) {
      if (i > titleIndex) break;
      continue;
    }
    if (roles[i] !== 'claims' || block.kind !== 'paragraph') continue;
    const meta = isShortLine(i) ? parseMetaLine(text(i)) : null;
    const front = meta ? null : frontMatter(text(i));
    if (!meta && !front) continue;
    roles[i] = 'meta';
    author ??= meta?.author;
    publishedAt ??= meta?.date?.iso ?? undefined;
    authors ??= front?.authors;
  }
  author ??= authors;

  let markedLevel = 1;
  let referencesLevel: number | null = null;
  // Where the author marked headings up (Markdown "#"), a line ending in a colon right before a list is that
  // list's lead-in ("Patients reported:"), not one more heading. Plain text has no markup to go by, so there
  // it stays a heading, as in the sample's "Major Depressive Disorder symptoms:".
  const hasMarkedHeadings = blocks.some((b) => b.kind === 'heading');
  const isLeadIn = (i: number) =>
    hasMarkedHeadings && /[:：]\s*$/.test(text(i)) && blocks[i + 1]?.kind === 'item';
  blocks.forEach((block, i) => {
    if (roles[i] === 'title' || roles[i] === 'meta' || roles[i] === 'none') return;
    if (block.kind === 'verbatim') return;
    if (labels.has(block) || isStandaloneHeading(layout, i)) {
      roles[i] = 'heading';
      block.level = Math.min(6, markedLevel + 1);
    } else if (block.kind !== 'heading' && isFurniture(text(i))) {
      // A reference entry with a DOI or a journal reference looks like furniture; in a reference list it is an
      // entry that claims may point to.
      roles[i] = referencesLevel !== null || block.reference ? 'reference' : 'meta';
      return;
    } else if (block.kind === 'paragraph' && isShortLine(i)) {
      const line = text(i);
      const date = parseDate(line);
      if (date) {
        roles[i] = 'meta';
        publishedAt ??= date.iso ?? undefined;
        return;
      }
      if (layout.headingsByLayout && looksLikeHeading(line) && !isLeadIn(i)) {
        roles[i] = 'heading';
        block.level = Math.min(6, markedLevel + 1);
      }
    } else if (block.kind === 'heading') {
      markedLevel = block.level;
    }
    if (roles[i] === 'heading') {
      if (referencesLevel !== null && block.level <= referencesLevel) referencesLevel = null;
      if (isReferenceHeading(text(i).replace(/[:：]\s*$/, ''))) referencesLevel = block.level;
      return;
    }
    if (referencesLevel !== null || block.reference) roles[i] = 'reference';
  });

  markCitingItems(layout, roles);
  return { roles, title, author, publishedAt };
}

/**
 * A block that reads as a heading in any format, where the markup does not say so: a question standing alone
 * before its answer ("Is LDN safe in pregnancy?"), and a one-phrase bullet before a paragraph ("• Start low").
 */
function isStandaloneHeading(layout: Layout, i: number): boolean {
  const { body, blocks } = layout;
  const block = blocks[i];
  const next = blocks[i + 1];
  if (!block || !next || next.kind === 'heading' || next.kind === 'verbatim') return false;
  if (block.end - block.start > QUESTION_HEADING) return false;
  const line = body.slice(block.start, block.end);
  if (block.kind === 'paragraph')
    return block.singleLine && /\?["'”’)]*$/.test(line) && looksLikeHeading(line);
  return (
    block.kind === 'item' &&
    next.kind === 'paragraph' &&
    blocks[i - 1]?.list !== block.list &&
    !/[.!:;,]["'”’)]*$/.test(line) &&
    looksLikeHeading(line)
  );
}

/**
 * A structured abstract labels its parts at the start of their paragraphs ("Background: Up to one third …").
 * When two or more paragraphs open with such a label, each label becomes a heading block of its own, and its
 * paragraph starts after it. The blocks are changed in place; the labels are returned.
 */
function splitLabels(layout: Layout): Set<Block> {
  const { body, blocks } = layout;
  const lengths = blocks.map((block) =>
    block.kind === 'paragraph'
      ? labelLength(body.slice(block.start, Math.min(block.end, block.start + 80)))
      : 0,
  );
  const labels = new Set<Block>();
  if (lengths.filter((n) => n > 0).length < 2) return labels;
  const split: Block[] = [];
  blocks.forEach((block, i) => {
    const length = lengths[i] ?? 0;
    if (length === 0) {
      split.push(block);
      return;
    }
    const label: Block = { ...block, end: block.start + length, singleLine: true };
    let start = label.end;
    while (start < block.end && /\s/.test(body[start] ?? '')) start++;
    labels.add(label);
    split.push(label, { ...block, start });
  });
  blocks.length = 0;
  for (const block of split) blocks.push(block);
  return labels;
}

// TEXT and Markdown may start with a title line; marked-up titles (HTML, front matter) name their h1.
function findTitle(
  layout: Layout,
  text: (index: number) => string,
  isShortLine: (index: number) => boolean,
): number {
  const first = layout.blocks[0];
  if (!first) return -1;
  if (layout.title !== undefined) {
    const wanted = layout.title.replace(/\s+/g, ' ');
    return layout.blocks.findIndex(
      (block, i) => block.kind === 'heading' && block.level === 1 && text(i).replace(/\s+/g, ' ') === wanted,
    );
  }
  if (first.kind === 'heading' && first.level === 1) return 0;
  const line = text(0);
  if (!layout.headingsByLayout || !isShortLine(0) || !looksLikeTitle(line) || parseMetaLine(line)) return -1;
  const isKicker = line.split(' ').length <= 2 && isShortLine(1) && looksLikeTitle(text(1));
  return isKicker && isShortLine(2) && parseMetaLine(text(2)) ? 1 : 0;
}

// A list item that cites is a reference, and so is every item of a list in which at least half the items cite:
// a book list whose one entry lacks "Book by" is still a book list.
function markCitingItems(layout: Layout, roles: Role[]) {
  const { body, blocks } = layout;
  const citing = new Map<number, { items: number; cites: number }>();
  const cites = blocks.map((block, i) => {
    if (block.kind !== 'item' || roles[i] !== 'claims') return false;
    const count = citing.get(block.list) ?? { items: 0, cites: 0 };
    const cite = looksLikeReference(body.slice(block.start, block.end));
    citing.set(block.list, { items: count.items + 1, cites: count.cites + (cite ? 1 : 0) });
    return cite;
  });
  blocks.forEach((block, i) => {
    const count = citing.get(block.list);
    if (
      roles[i] === 'claims' &&
      block.kind === 'item' &&
      count &&
      (cites[i] || count.cites * 2 >= count.items)
    ) {
      roles[i] = 'reference';
    }
  });
}

type LeadIns = {
  /** Per list, the sentence that introduces it, e.g. "Major Depressive Disorder symptoms:". */
  byList: Map<number, string>;
  /** Per paragraph index, where its claims stop: the lead-in sentence at its end is not a claim of its own. */
  cuts: Map<number, number>;
};

/**
 * A list's lead-in is the block just before its first item when it ends in a colon: a heading
 * ("Major Depressive Disorder symptoms:") or the last sentence of a paragraph ("Common symptoms include:").
 * See docs/decisions/0003-list-claims.md.
 */
export function findLeadIns(body: string, blocks: Block[], roles: Role[]): LeadIns {
  const byList = new Map<number, string>();
  const cuts = new Map<number, number>();
  const seen = new Set<number>();
  blocks.forEach((block, i) => {
    if (block.kind !== 'item' || seen.has(block.list)) return;
    seen.add(block.list);
    const before = blocks[i - 1];
    if (!before || !endsWithColon(body, before.end)) return;
    if (roles[i - 1] === 'heading') byList.set(block.list, oneLine(body.slice(before.start, before.end)));
    if (roles[i - 1] !== 'claims' || before.kind !== 'paragraph') return;
    const sentences = splitSentences(body, before.start, before.end);
    const [start = before.start, end = before.end] = sentences.slice(-2);
    byList.set(block.list, oneLine(body.slice(start, end)));
    cuts.set(i - 1, start);
  });
  return { byList, cuts };
}

function endsWithColon(body: string, end: number): boolean {
  const code = body.charCodeAt(end - 1);
  return code === 58 || code === 0xff1a;
}

// What marks reference lists, bibliographies and book lists, none of which holds claims.

/**
 * A heading over a reference list ("References", "Further reading:", "5. Bibliography"), a list of related links
 * ("Related articles", "See also") or a paper's back matter ("Funding", "Competing interests"): what follows it
 * is about the document, not its subject.
 */
const REFERENCE_HEADING =
  /^(?:\d+\.?\s*)?(?:references?|bibliography|sources?|further reading|suggested reading|recommended reading|reading list|works cited|literature(?: cited)?|citations?|footnotes|endnotes|notes|books?|resources|related(?: articles| stories| content| links| reading)?|read more|more on this(?: story| topic)?|see also|you may also like|most read|funding(?: sources)?|acknowledge?ments?|(?:conflicts?|declarations?) of interests?|competing interests|disclosures?|author contributions|data availability(?: statement)?|abbreviations)$/i;

/**
 * An entry that cites rather than claims: a book ("Book by"), an author list ("et al."), a DOI, ISBN, PMID or
 * PMCID, a journal reference ("2019;12(3):45-67", "Vol. 12", "pp. 45-67"), an edited volume, a retrieval note,
 * or a bare link.
 */
const REFERENCE_ENTRY =
  /\bBook by\b|\bet al\b|\bdoi\s*:|\b10\.\d{4,9}\/\S|\bISBN\b|\bPMID\b|\bPMC\d{4,}|\bRetrieved from\b|\b(?:19|20)\d{2}\s*;\s*\d+\s*(?:\(\s*[\w-]{1,10}\s*\))?\s*:\s*\d+|\bVol\.\s*\d+|\bpp?\.\s*\d+\s*[-–]\s*\d+|\(eds?\.\)|\bJournal of\b|^\s*https?:\/\/\S+\s*$/i;

function isReferenceHeading(heading: string): boolean {
  return REFERENCE_HEADING.test(heading.trim());
}

function looksLikeReference(entry: string): boolean {
  return REFERENCE_ENTRY.test(entry);
}
