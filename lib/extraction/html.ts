import { Parser } from 'htmlparser2';
import { BodyBuilder } from './body-builder';
import { parseDate } from './dates';
import type { Layout } from './types';

// The HTML reader: the page's readable text as blocks, with its title, author and date from markup, meta tags
// and JSON-LD.

type Open = { name: string; skipped: boolean; reference: boolean };
type List = { ordered: boolean; next: number };
type Capture = 'title' | 'h1' | 'json';

const CAPTURED_BY = new Map<string, Capture>([
  ['title', 'title'],
  ['h1', 'h1'],
  ['script', 'json'],
]);

const AUTHOR_META = new Set(['author', 'article:author', 'citation_author', 'dc.creator', 'parsely-author']);
const DATE_META = new Set([
  'article:published_time',
  'citation_publication_date',
  'citation_date',
  'date',
  'datepublished',
  'dc.date',
  'dc.date.issued',
  'parsely-pub-date',
  'pubdate',
  'publish-date',
]);

/**
 * The readable text of an HTML page: one block per paragraph, heading, list item or table row, with page
 * furniture, code and hidden elements left out entirely. The title is the first <h1> of the content, else an
 * <h1> in the article's own <header>, else <title>. Author and date come from <meta>, JSON-LD or <time>.
 */
export function htmlToText(html: string): Layout {
  const out = new BodyBuilder();
  const open: Open[] = [];
  const lists: List[] = [];
  // A page that marks its content up (<main>, <article>) has nothing worth reading outside it: what lies
  // around it is the site's (menus, banners, teasers), however it is marked.
  const contentOnly = hasMarkedContent(html);
  let skipped = 0;
  let links = 0;
  let references = 0;
  let articles = 0;
  let pre = 0;
  let runs = 0;
  let capture: Capture | null = null;
  let captured = '';
  let h1InContent: string | undefined;
  let h1InArticleHeader: string | undefined;
  let documentTitle: string | undefined;
  let metaAuthor: string | undefined;
  let metaDate: string | undefined;
  let timeDate: string | undefined;
  let jsonLdAuthor: string | undefined;
  let jsonLdDate: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const isContent = name === 'article' || name === 'main';
        const outside = contentOnly && articles === 0 && !isContent && !ALWAYS_OPEN.has(name);
        const skips = outside || SKIPPED.has(name) || isHidden(attributes) || isFurniture(attributes);
        const reference = skipped === 0 && !skips && marksReferences(attributes);
        open.push({ name, skipped: skips, reference });
        if (isContent) articles++;
        if (name === 'a') out.inLink = ++links > 0;
        if (name === 'meta') readMeta(attributes);
        if (name === 'time' && !timeDate && attributes.datetime)
          timeDate = parseDate(attributes.datetime)?.iso ?? undefined;
        if (name === 'title' && skipped === 0 && !documentTitle && !capture) startCapture('title');
        if (name === 'h1' && !capture && h1InContent === undefined) startCapture('h1');
        if (name === 'script' && attributes.type === 'application/ld+json' && !capture) startCapture('json');
        if (skips) skipped++;
        if (reference) references++;
        if (skipped > 0) return;
        out.inReferences = references > 0;
        openBlock(name, attributes);
      },
      ontext(text) {
        if (capture) captured += text;
        if (skipped > 0) return;
        if (pre > 0) out.verbatim(text);
        else out.inline(text);
      },
      onclosetag(name) {
        const element = open.pop();
        if (name === 'article' || name === 'main') articles--;
        if (name === 'a') out.inLink = --links > 0;
        if (capture && capture === CAPTURED_BY.get(name)) endCapture(skipped > 0);
        if (element?.skipped) {
          skipped--;
          return;
        }
        if (skipped > 0) return;
        if (element?.reference) references--;
        out.inReferences = references > 0;
        if (name === 'ul' || name === 'ol') lists.pop();
        if (name === 'pre') pre--;
        if (name === 'td' || name === 'th') return;
        if (BLOCKS.has(name)) out.end();
      },
    },
    { decodeEntities: true },
  );

  function openBlock(name: string, attributes: Record<string, string>) {
    if (name === 'br') return out.lineBreak();
    if (name === 'td' || name === 'th') return out.cell();
    if (!BLOCKS.has(name)) return;
    const level = /^h([1-6])$/.exec(name)?.[1];
    if (level) return out.start({ kind: 'heading', level: Number(level) });
    if (name === 'ul' || name === 'ol') {
      if (lists.length === 0) runs++;
      const start = Number.parseInt(attributes.start ?? '', 10);
      lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1 });
      return out.end();
    }
    if (name === 'li') return startItem(attributes);
    if (name === 'pre') {
      pre++;
      return out.start({ kind: 'verbatim' });
    }
    if (name === 'tr') return out.start({ kind: 'verbatim' });
    // A paragraph wrapped around an item's text belongs to the item.
    if ((name === 'p' || name === 'div') && open.at(-2)?.name === 'li' && !out.hasText) return;
    out.start({ kind: 'paragraph' });
  }

  function startItem(attributes: Record<string, string>) {
    const list = lists.at(-1);
    if (!list) runs++;
    const value = Number.parseInt(attributes.value ?? '', 10);
    if (list && Number.isFinite(value)) list.next = value;
    const marker = list?.ordered ? `${list.next++}. ` : '• ';
    out.start({ kind: 'item', list: runs, marker: '  '.repeat(Math.max(0, lists.length - 1)) + marker });
  }

  function readMeta(attributes: Record<string, string>) {
    const key = (attributes.name ?? attributes.property ?? attributes.itemprop ?? '').toLowerCase();
    const content = attributes.content?.trim();
    if (!content) return;
    if (!metaAuthor && AUTHOR_META.has(key) && !/^https?:/i.test(content)) metaAuthor = content;
    if (!metaDate && DATE_META.has(key)) metaDate = parseDate(content)?.iso ?? undefined;
  }

  function startCapture(kind: Capture) {
    capture = kind;
    captured = '';
  }

  function endCapture(inSkipped: boolean) {
    const text = captured.replace(/[\t\n\f\r ]+/g, ' ').trim() || undefined;
    if (capture === 'title') documentTitle ??= text;
    if (capture === 'h1' && !inSkipped) h1InContent ??= text;
    if (capture === 'h1' && inSkipped && articles > 0) h1InArticleHeader ??= text;
    if (capture === 'json') {
      const found = readJsonLd(captured);
      jsonLdAuthor ??= found.author;
      jsonLdDate ??= found.publishedAt;
    }
    capture = null;
    captured = '';
  }

  parser.write(html);
  parser.end();
  const { body, blocks } = out.finish();
  return {
    body,
    blocks,
    headingsByLayout: false,
    title: h1InContent ?? h1InArticleHeader ?? documentTitle,
    author: metaAuthor ?? jsonLdAuthor,
    publishedAt: metaDate ?? jsonLdDate ?? timeDate,
  };
}

// The first pass over a page: whether it has a <main> or <article> outside page furniture.
function hasMarkedContent(html: string): boolean {
  let found = false;
  let skipped = 0;
  const open: boolean[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const skips = SKIPPED.has(name) || isHidden(attributes) || isFurniture(attributes);
      open.push(skips);
      if (skips) skipped++;
      if (skipped === 0 && (name === 'main' || name === 'article')) found = true;
    },
    onclosetag() {
      if (open.pop()) skipped--;
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

function isHidden(attributes: Record<string, string>): boolean {
  return (
    attributes.hidden !== undefined ||
    attributes['aria-hidden'] === 'true' ||
    attributes['aria-modal'] === 'true' ||
    (attributes.role !== undefined && SKIPPED_ROLES.has(attributes.role)) ||
    (attributes.style !== undefined && /display\s*:\s*none/i.test(attributes.style))
  );
}

/** Consent banners, pop-ups and share bars, as their class or id names them ("cookie-consent", "share-links"). */
function isFurniture(attributes: Record<string, string>): boolean {
  const { class: className, id } = attributes;
  if (className === undefined && id === undefined) return false;
  return FURNITURE_MARKUP.test(`${className ?? ''} ${id ?? ''}`);
}

function marksReferences(attributes: Record<string, string>): boolean {
  const { class: className, id, role } = attributes;
  if (className === undefined && id === undefined && role === undefined) return false;
  return REFERENCE_MARKUP.test(`${className ?? ''} ${id ?? ''} ${role ?? ''}`);
}

// How the HTML reader treats elements.

/** Never in the body: code, page furniture (navigation, header, footer, asides), forms and embedded media. */
const SKIPPED = new Set([
  'aside',
  'audio',
  'button',
  'canvas',
  'dialog',
  'embed',
  'footer',
  'form',
  'header',
  'iframe',
  'map',
  'math',
  'nav',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

/** ARIA roles of the same page furniture, for sites that use <div role="navigation"> and the like. */
const SKIPPED_ROLES = new Set([
  'alertdialog',
  'banner',
  'complementary',
  'contentinfo',
  'dialog',
  'menu',
  'menubar',
  'navigation',
  'search',
]);

/** Elements that hold the content without being outside it: the page's root, whose head holds the metadata. */
const ALWAYS_OPEN = new Set(['html', 'head', 'body', 'meta', 'time', 'link']);

/** class or id words of page furniture: consent banners, pop-ups, newsletter prompts, share and social bars. */
const FURNITURE_MARKUP =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|modal|popup|pop-up|newsletter|signup|subscribe|share|sharing|social|related|promo|advert|ads?|paywall)(?:$|[\s_-])/i;

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** class, id or role values that mark a reference list. */
const REFERENCE_MARKUP =
  /\b(?:references?|reflist|bibliography|citations?|footnotes?|endnotes?|works-cited|doc-bibliography|doc-endnotes)\b/i;

// Article metadata in JSON-LD (<script type="application/ld+json">), which many health sites publish:
// the first datePublished and author name found, walking the data without recursion.
const MAX_NODES = 10_000;

function readJsonLd(json: string): { author?: string; publishedAt?: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {};
  }
  const found: { author?: string; publishedAt?: string } = {};
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const node = queue[i];
    if (Array.isArray(node)) queue.push(...node);
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
    const record = node as Record<string, unknown>;
    if (!found.publishedAt && typeof record.datePublished === 'string') {
      found.publishedAt = parseDate(record.datePublished)?.iso ?? undefined;
    }
    if (!found.author) found.author = authorName(record.author);
    queue.push(...Object.values(record).filter((value) => value && typeof value === 'object'));
  }
  return found;
}

function authorName(author: unknown): string | undefined {
  const first = Array.isArray(author) ? author[0] : author;
  if (typeof first === 'string') return first.trim() || undefined;
  if (first && typeof first === 'object' && typeof (first as { name?: unknown }).name === 'string') {
    return (first as { name: string }).name.trim() || undefined;
  }
  return undefined;
}
