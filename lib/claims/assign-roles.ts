import type { Layout } from './layout';
import { looksLikeHeading } from './looks-like-heading';
import { looksLikeTitle } from './looks-like-title';
import { parseDate } from './parse-date';
import { parseMetaLine } from './parse-meta-line';
import { isReferenceHeading, looksLikeReference } from './reference-patterns';

/** What a block is to the extractor; only 'claims' blocks hold claims. */
export type Role = 'title' | 'meta' | 'heading' | 'reference' | 'claims' | 'none';

export type Outline = { roles: Role[]; title: string | null; author?: string; publishedAt?: string };

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
