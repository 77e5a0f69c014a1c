import { parseDate, parseMetaLine } from './dates';
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

/**
 * Decides the role of every block: the title, the byline and date lines under it, headings (marked up, or short
 * lines standing alone when the layout allows), reference lists (under a References-like heading, marked up as
 * such, or list items that cite), and the blocks that hold claims. Sets the level of headings found by layout.
 */
export function assignRoles(layout: Layout): Outline {
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
    block.kind === 'heading' ? 'heading' : block.kind === 'verbatim' ? 'none' : 'claims',
  );
  let title = layout.title ?? null;
  let author = layout.author;
  let publishedAt = layout.publishedAt;

  const titleIndex = findTitle(layout, text, isShortLine);
  if (titleIndex !== -1) {
    roles[titleIndex] = 'title';
    title ??= text(titleIndex);
  }
  for (let i = titleIndex + 1; i <= titleIndex + META_ZONE && isShortLine(i); i++) {
    const meta = parseMetaLine(text(i));
    if (!meta) break;
    roles[i] = 'meta';
    author ??= meta.author;
    publishedAt ??= meta.date?.iso ?? undefined;
  }

  let markedLevel = 1;
  let referencesLevel: number | null = null;
  // Where the author marked headings up (Markdown "#"), a line ending in a colon right before a list is that
  // list's lead-in ("Patients reported:"), not one more heading. Plain text has no markup to go by, so there
  // it stays a heading, as in the sample's "Major Depressive Disorder symptoms:".
  const hasMarkedHeadings = blocks.some((b) => b.kind === 'heading');
  const isLeadIn = (i: number) =>
    hasMarkedHeadings && /[:：]\s*$/.test(text(i)) && blocks[i + 1]?.kind === 'item';
  blocks.forEach((block, i) => {
    if (roles[i] === 'title' || roles[i] === 'meta' || block.kind === 'verbatim') return;
    if (block.kind === 'paragraph' && isShortLine(i)) {
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
  if (layout.headingsByLayout && isShortLine(0) && looksLikeTitle(line) && !parseMetaLine(line)) return 0;
  return -1;
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

/** A heading over a reference list: "References", "Further reading:", "5. Bibliography". */
const REFERENCE_HEADING =
  /^(?:\d+\.?\s*)?(?:references?|bibliography|sources?|further reading|suggested reading|recommended reading|reading list|works cited|literature(?: cited)?|citations?|footnotes|endnotes|notes|books?|resources)$/i;

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
