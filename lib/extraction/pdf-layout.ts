import type { Block, Layout } from './types';

// The PDF reader's layout rules (ADR 0017): from the positioned runs of text on each page to the paragraphs,
// list items and headings of a layout, in reading order. Pure: pdf.ts reads the pages.

/** A run of text on one line of a page, in page units (points, y upwards from the foot of the page). */
export type Fragment = {
  text: string;
  x: number;
  xEnd: number;
  /** The baseline. */
  y: number;
  size: number;
  bold: boolean;
};

type Region = 'left' | 'right' | 'across';

/** A line in reading order, with the place it came from. */
type Line = Fragment & { page: number; region: Region; columnLeft: number; columnRight: number };

// Two items share a line when their heights overlap by half the smaller one: a superscript does, the next
// line does not.
export function sameRow(p: { y: number; size: number }, q: { y: number; size: number }): boolean {
  const overlap = Math.min(p.y + p.size, q.y + q.size) - Math.max(p.y, q.y);
  return overlap >= 0.5 * Math.min(p.size, q.size);
}

/**
 * The text of a PDF's pages as a layout: furniture dropped, columns read in order, lines joined into
 * paragraphs, list items and headings, with the title and byline of the first page.
 */
export function layOut(pages: Fragment[][]): Layout {
  const kept = dropFurniture(pages);
  const gutters = kept.map(findGutter);
  // A page with a few lines in each column (the last, say) is too sparse to show its gutter; it has the
  // document's usual one when its text keeps clear of it.
  const usual = mostCommon(gutters);
  const lines = kept.flatMap((fragments, i) =>
    readingOrder(fragments, i + 1, gutters[i] ?? (usual && fitGutter(usual, fragments))),
  );
  return toLayout(lines);
}

function mostCommon(gutters: Array<Gutter | null>): Gutter | null {
  const counts = new Map<number, { gutter: Gutter; count: number }>();
  for (const gutter of gutters) {
    if (!gutter) continue;
    const key = Math.round(gutter.start / 4);
    const seen = counts.get(key) ?? { gutter, count: 0 };
    counts.set(key, { gutter: seen.gutter, count: seen.count + 1 });
  }
  let best: { gutter: Gutter; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.gutter ?? null;
}

/** The gutter on this page, when text stands on both sides of it and none but lines across the page cross it. */
function fitGutter(gutter: Gutter, fragments: Fragment[]): Gutter | null {
  const left = fragments.filter((f) => f.xEnd <= gutter.start + 1);
  const right = fragments.filter((f) => f.x >= gutter.end - 1);
  if (left.length === 0 || right.length === 0) return null;
  const across = fragments.length - left.length - right.length;
  if (across > Math.min(left.length, right.length)) return null;
  return {
    ...gutter,
    left: Math.min(...fragments.map((f) => f.x)),
    right: Math.max(...fragments.map((f) => f.xEnd)),
  };
}

// Furniture sits in the first and last two rows of a page, set apart from the body by a wider gap than its
// lines leave between them. Text repeated at the same place on two pages is a running header or footer when it
// is the page's outermost row (a chapter's running head may repeat over two pages only); in the row inside it,
// it must repeat on this share of the pages.
const REPEATED_INSIDE = 0.4;
// A gap this many times the type's size sets a row apart; lines of a paragraph are about 1.2 apart, paragraphs
// a little more.
const SEPARATION = 2;
const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|pág\.?)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|von|de)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

type Edge = { key: string; outermost: boolean; apart: boolean };

/** The pages without running headers, footers and page numbers. */
function dropFurniture(pages: Fragment[][]): Fragment[][] {
  const edges = pages.map((fragments) => edgeFragments(fragments));
  const pagesWith = new Map<string, number>();
  for (const edge of edges) {
    for (const key of new Set([...edge.values()].map((e) => e.key))) {
      pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
    }
  }
  const inside = Math.max(2, Math.ceil(REPEATED_INSIDE * pages.length));
  return pages.map((fragments, i) => {
    const edge = edges[i];
    return fragments.filter((fragment) => {
      const place = edge?.get(fragment);
      if (!place) return true;
      if (PAGE_NUMBER.test(fragment.text)) return false;
      if (!place.apart) return true;
      return (pagesWith.get(place.key) ?? 0) < (place.outermost ? 2 : inside);
    });
  });
}

/** The fragments of a page's two top and two bottom rows, keyed by their place and their text. */
function edgeFragments(fragments: Fragment[]): Map<Fragment, Edge> {
  const rows = [...new Set(fragments.map((f) => Math.round(f.y)))].sort((p, q) => q - p);
  const n = rows.length;
  // A row with nothing beyond it on the page is set apart from nothing.
  const gap = (upper: number | undefined, lower: number | undefined) =>
    upper === undefined || lower === undefined ? 0 : upper - lower;
  // Each edge row with the gaps that may set it apart: its own, or for the outermost row, the next row's too,
  // as a header of two lines is set apart below its second line.
  const places = new Map<number, { name: string; gaps: number[] }>([
    [rows[n - 2] ?? Number.NaN, { name: 'bottom', gaps: [gap(rows[n - 3], rows[n - 2])] }],
    [
      rows[n - 1] ?? Number.NaN,
      { name: 'foot', gaps: [gap(rows[n - 2], rows[n - 1]), gap(rows[n - 3], rows[n - 2])] },
    ],
    [rows[1] ?? Number.NaN, { name: 'top', gaps: [gap(rows[1], rows[2])] }],
    [rows[0] ?? Number.NaN, { name: 'head', gaps: [gap(rows[0], rows[1]), gap(rows[1], rows[2])] }],
  ]);
  const edge = new Map<Fragment, Edge>();
  for (const fragment of fragments) {
    const place = places.get(Math.round(fragment.y));
    if (!place) continue;
    const outermost = place.name === 'head' || place.name === 'foot';
    // A running head often carries the page number; the body's lines differ in more than their numbers.
    const text = outermost ? fragment.text.toLowerCase().replace(/\d+/g, '#') : fragment.text;
    edge.set(fragment, {
      key: `${place.name}|${Math.round(fragment.y / 3)}|${text}`,
      outermost,
      apart: place.gaps.some((g) => g >= SEPARATION * fragment.size),
    });
  }
  return edge;
}

// A gutter is looked for in the middle of the text's width, where two columns leave one.
const GUTTER_ZONE = [0.3, 0.7] as const;
const BIN = 2;
// A gap in the right column this many times the body's type size, beside a heading in the left, makes that
// heading one across the page; lines and paragraphs leave about 2.
const ACROSS_GAP = 2.5;
// Each column must hold this share of the page's text for the page to count as two columns.
const COLUMN_SHARE = 0.15;

type Gutter = { start: number; end: number; left: number; right: number };

/**
 * The page's lines in reading order. On a page of two columns, text that crosses the gutter (a title, an
 * abstract, a heading across the page) is read in its place from the top; between such lines the left column is
 * read to its foot, then the right.
 */
function readingOrder(fragments: Fragment[], page: number, gutter: Gutter | null): Line[] {
  const left = gutter?.left ?? Math.min(...fragments.map((f) => f.x));
  const right = gutter?.right ?? Math.max(...fragments.map((f) => f.xEnd));
  const inRight = gutter ? fragments.filter((f) => f.x >= gutter.end - 1) : [];
  const body = bodyStyle(fragments);
  // A heading across the page that is shorter than a column does not cross the gutter. It leaves a gap in the
  // right column: text there above it and below it, none beside it, and more space between than lines leave.
  const leavesGap = (f: Fragment): boolean => {
    if (!(f.size >= body.size * HEADING_SCALE || (f.bold && !body.bold))) return false;
    if (inRight.some((r) => sameRow(r, f))) return false;
    const above = Math.min(...inRight.filter((r) => r.y > f.y).map((r) => r.y));
    const below = Math.max(...inRight.filter((r) => r.y < f.y).map((r) => r.y));
    return Number.isFinite(above) && Number.isFinite(below) && above - below > ACROSS_GAP * body.size;
  };
  const regionOf = (f: Fragment): Region => {
    if (!gutter) return 'left';
    if (f.xEnd <= gutter.start + 1) return leavesGap(f) ? 'across' : 'left';
    if (f.x >= gutter.end - 1) return 'right';
    return 'across';
  };
  const line = (f: Fragment, region: Region): Line => ({
    ...f,
    page,
    region,
    columnLeft: region === 'right' ? (gutter?.end ?? left) : left,
    columnRight: region === 'left' && gutter ? gutter.start : right,
  });
  const sorted = [...fragments].sort((p, q) => q.y - p.y || p.x - q.x);
  const ordered: Line[] = [];
  let band: { left: Line[]; right: Line[] } = { left: [], right: [] };
  const flushBand = () => {
    ordered.push(...joinRows(band.left), ...joinRows(band.right));
    band = { left: [], right: [] };
  };
  let across: Line[] = [];
  for (const fragment of sorted) {
    const region = regionOf(fragment);
    if (region === 'across') {
      flushBand();
      across.push(line(fragment, region));
      continue;
    }
    if (across.length > 0) {
      ordered.push(...joinRows(across));
      across = [];
    }
    band[region].push(line(fragment, region));
  }
  ordered.push(...joinRows(across));
  flushBand();
  return ordered;
}

/** Fragments of one column on the same row (cells, or text set apart by wide spaces) as one line. */
function joinRows(lines: Line[]): Line[] {
  const joined: Line[] = [];
  for (const line of lines) {
    const last = joined.at(-1);
    if (last && sameRow(last, line)) {
      joined[joined.length - 1] = {
        ...last,
        text: `${last.text} ${line.text}`,
        xEnd: Math.max(last.xEnd, line.xEnd),
        bold: last.bold && line.bold,
      };
    } else {
      joined.push(line);
    }
  }
  return joined;
}

/**
 * The gutter between two columns: the widest strip in the middle of the page that the fewest fragments cross,
 * with enough text on either side of it.
 */
function findGutter(fragments: Fragment[]): Gutter | null {
  if (fragments.length < 6) return null;
  const left = Math.min(...fragments.map((f) => f.x));
  const right = Math.max(...fragments.map((f) => f.xEnd));
  const bins = Math.ceil((right - left) / BIN);
  if (bins < 50) return null;
  // How many fragments cover each strip of the page, from a running sum of where they start and end.
  const changes = new Int32Array(bins + 1);
  for (const f of fragments) {
    const from = Math.max(0, Math.floor((f.x - left) / BIN));
    const to = Math.min(bins, Math.ceil((f.xEnd - left) / BIN));
    changes[from] = (changes[from] ?? 0) + 1;
    changes[to] = (changes[to] ?? 0) - 1;
  }
  const coverage = new Int32Array(bins);
  let running = 0;
  for (let i = 0; i < bins; i++) {
    running += changes[i] ?? 0;
    coverage[i] = running;
  }
  const from = Math.floor(bins * GUTTER_ZONE[0]);
  const to = Math.ceil(bins * GUTTER_ZONE[1]);
  let least = Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) least = Math.min(least, coverage[i] ?? 0);
  let best: [number, number] | null = null;
  for (let i = from; i < to; ) {
    if ((coverage[i] ?? 0) > least) {
      i++;
      continue;
    }
    let start = i;
    let end = i;
    while (end < bins && (coverage[end] ?? 0) <= least) end++;
    while (start > 0 && (coverage[start - 1] ?? 0) <= least) start--;
    if (!best || end - start > best[1] - best[0]) best = [start, end];
    i = end;
  }
  if (!best) return null;
  const gutter = { start: left + best[0] * BIN, end: left + best[1] * BIN, left, right };
  let leftChars = 0;
  let rightChars = 0;
  let total = 0;
  for (const f of fragments) {
    total += f.text.length;
    if (f.xEnd <= gutter.start + 1) leftChars += f.text.length;
    else if (f.x >= gutter.end - 1) rightChars += f.text.length;
  }
  const enough = COLUMN_SHARE * total;
  return leftChars >= enough && rightChars >= enough ? gutter : null;
}

// A heading's type is this much larger than the body's, or bold where the body is not.
const HEADING_SCALE = 1.15;
const HEADING_MAX_LENGTH = 200;
const HEADING_MAX_LINES = 3;
// A gap between lines this many times the body's line spacing ends a paragraph.
const PARAGRAPH_GAP = 1.35;
// A line ending this far short of its column's right edge ends its paragraph when it ends a sentence.
const SHORT_LINE = 0.85;
const SENTENCE_END = /[.!?:…]["'”’)\]]*$/;
const HYPHEN_END = /(\p{L}+)[-\u2010\u00AD]$/u;

type Style = { size: number; bold: boolean };

type Draft = {
  kind: 'heading' | 'paragraph' | 'item';
  lines: Line[];
  text: string;
  /** An item's marker ("•", "2."), written before its text. */
  marker?: string;
};

// A list item's marker at the start of a line, as in plain text (lines.ts); a bare hyphen is left alone, since
// a line may start with a minus sign or a dash.
const LIST_MARKER = /^(?:[•●○◦▪▫■□‣⁃∙*–]|\(?\d{1,3}[.)]|\(?[a-z]\))\s+/;

/** Lines in reading order as paragraphs, list items and headings, with the title and byline of the first page. */
function toLayout(lines: Line[]): Layout {
  const body = bodyStyle(lines);
  const pitch = linePitch(lines, body);
  const hyphenated = hyphenatedWords(lines);
  const isHeading = (line: Line) =>
    (line.size >= body.size * HEADING_SCALE || (line.bold && !body.bold && line.size >= body.size * 0.95)) &&
    line.text.length <= HEADING_MAX_LENGTH;

  const drafts: Draft[] = [];
  let open: Draft | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    const heading = isHeading(line);
    const marker = heading ? null : LIST_MARKER.exec(line.text);
    if (marker) {
      open = {
        kind: 'item',
        lines: [line],
        text: line.text.slice(marker[0].length),
        marker: marker[0].trim(),
      };
      drafts.push(open);
    } else if (
      open &&
      previous &&
      (open.kind === 'heading') === heading &&
      continues(open, previous, line, pitch)
    ) {
      open.text = joinLines(open.text, line.text, hyphenated);
      open.lines.push(line);
    } else {
      open = { kind: heading ? 'heading' : 'paragraph', lines: [line], text: line.text };
      drafts.push(open);
    }
    previous = line;
  }
  // Large or bold type over many lines is a paragraph set apart (a lead, a pull quote), not a heading.
  for (const draft of drafts) {
    const long = draft.lines.length > HEADING_MAX_LINES || draft.text.length > HEADING_MAX_LENGTH;
    if (draft.kind === 'heading' && long) draft.kind = 'paragraph';
  }

  const titleIndex = findTitle(drafts, body);
  const authorIndex = titleIndex === -1 ? -1 : findAuthorLine(drafts, titleIndex + 1);
  const levels = headingLevels(drafts, titleIndex);

  const parts: string[] = [];
  const blocks: Block[] = [];
  let length = 0;
  let lists = 0;
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  drafts.forEach((draft, i) => {
    const before = drafts[i - 1];
    const sameList = draft.kind === 'item' && before?.kind === 'item';
    if (draft.kind === 'item' && !sameList) lists++;
    if (i > 0) write(sameList ? '\n' : '\n\n');
    if (draft.marker) write(`${draft.marker} `);
    const level =
      i === titleIndex ? 1 : draft.kind === 'heading' ? (levels.get(styleKey(draft.lines[0])) ?? 6) : 0;
    blocks.push({
      // The names under the title stay in the body as the page shows them, but hold no claims.
      kind: i === authorIndex ? 'verbatim' : i === titleIndex ? 'heading' : draft.kind,
      start: length,
      end: length + draft.text.length,
      level,
      list: draft.kind === 'item' ? lists : -1,
      singleLine: draft.lines.length === 1,
      reference: false,
    });
    write(draft.text);
  });
  const title = drafts[titleIndex]?.text;
  const author = authorIndex === -1 ? undefined : namesOf(drafts[authorIndex]?.text ?? '');
  return {
    body: parts.join(''),
    blocks,
    headingsByLayout: false,
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
  };
}

/** The body's type: the size and weight of most of the text. */
function bodyStyle(lines: Fragment[]): Style {
  const chars = new Map<string, number>();
  for (const line of lines) {
    const key = styleKey(line);
    chars.set(key, (chars.get(key) ?? 0) + line.text.length);
  }
  let best = '10|0';
  let most = -1;
  for (const [key, count] of chars) {
    if (count > most) {
      best = key;
      most = count;
    }
  }
  const [size = '10', bold = '0'] = best.split('|');
  return { size: Number(size), bold: bold === '1' };
}

function styleKey(style: Style | undefined): string {
  return `${Math.round((style?.size ?? 0) * 2) / 2}|${style?.bold ? 1 : 0}`;
}

const MIN_PITCH_SAMPLES = 5;

/** The usual distance between the baselines of two lines of body text. */
function linePitch(lines: Line[], body: Style): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const p = lines[i - 1] as Line;
    const q = lines[i] as Line;
    if (p.page !== q.page || p.region !== q.region || styleKey(p) !== styleKey(body)) continue;
    const gap = p.y - q.y;
    if (gap > 0 && gap < 3 * body.size) gaps.push(gap);
  }
  // A few lines say too little: their gaps may all be between paragraphs. Lines of type are usually set 1.2
  // times its size apart.
  if (gaps.length < MIN_PITCH_SAMPLES) return body.size * 1.2;
  gaps.sort((p, q) => p - q);
  return gaps[Math.floor(gaps.length / 2)] ?? body.size * 1.2;
}

/** Words the document hyphenates within a line ("low-dose"), so a line break after their hyphen keeps it. */
function hyphenatedWords(lines: Line[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const match of line.text.matchAll(/\p{L}+-\p{L}+/gu)) words.add(match[0].toLowerCase());
  }
  return words;
}

function continues(open: Draft, previous: Line, line: Line, pitch: number): boolean {
  if (styleKey(previous) !== styleKey(line)) return false;
  const below = previous.page === line.page && line.y < previous.y;
  if (open.kind === 'heading') {
    // A title across the page may wrap to a last line that fits in one column.
    return below && previous.y - line.y <= 1.6 * line.size;
  }
  const sameColumn = below && previous.region === line.region;
  const endsSentence = SENTENCE_END.test(previous.text);
  if (!sameColumn) {
    // A paragraph runs on into the next column or page unless its last line ended a sentence.
    return !endsSentence || /^\p{Ll}/u.test(line.text);
  }
  if (previous.y - line.y > PARAGRAPH_GAP * pitch) return false;
  // An item's next lines often hang under its text, to the right of its marker.
  const hangs = open.kind === 'item' && line.x > (open.lines[0] as Line).x + 0.5 * line.size;
  if (hangs || !endsSentence) return true;
  const width = previous.columnRight - previous.columnLeft;
  const short = previous.xEnd < previous.columnLeft + SHORT_LINE * width;
  const indented = line.x > line.columnLeft + 0.75 * line.size;
  return !short && !indented;
}

/** A line joined to the one before: across a hyphen that only broke the word, else with a space. */
function joinLines(text: string, next: string, hyphenated: Set<string>): string {
  const hyphen = HYPHEN_END.exec(text);
  if (!hyphen) return `${text} ${next}`;
  const word = /^\p{L}+/u.exec(next)?.[0];
  const broken = word !== undefined && /^\p{Ll}/u.test(word) && text.at(-1) !== '\u2010';
  const kept = word !== undefined && hyphenated.has(`${hyphen[1]}-${word}`.toLowerCase());
  if (broken && !kept) return `${text.slice(0, -1)}${next}`;
  // "COVID-" and "19", or a word the document hyphenates elsewhere: the hyphen is the word's own.
  return `${text.replace(/\u00AD$/, '')}${next}`;
}

// The title is the largest type on the first page, well above the body's: a section heading is often set a
// little larger than the body, a title much larger.
const TITLE_SCALE = 1.4;

function findTitle(drafts: Draft[], body: Style): number {
  let best = -1;
  let size = body.size * TITLE_SCALE;
  drafts.forEach((draft, i) => {
    const first = draft.lines[0];
    if (first?.page !== 1 || draft.kind !== 'heading') return;
    if (first.size >= size && (best === -1 || first.size > size)) {
      best = i;
      size = first.size;
    }
  });
  return best;
}

/** A section heading's level: 2 for the largest type after the title's, 3 for the next, and so on. */
function headingLevels(drafts: Draft[], titleIndex: number): Map<string, number> {
  const styles = new Map<string, Style>();
  drafts.forEach((draft, i) => {
    const first = draft.lines[0];
    if (i !== titleIndex && draft.kind === 'heading' && first) styles.set(styleKey(first), first);
  });
  const ranked = [...styles].sort(([, p], [, q]) => q.size - p.size || Number(q.bold) - Number(p.bold));
  return new Map(ranked.map(([key], rank) => [key, Math.min(6, rank + 2)]));
}

// A name: capitalised words or initials, with a lower-case particle ("van", "de") allowed between them.
const NAME =
  /^\p{Lu}[\p{L}\p{M}'’-]*\.?(?:\s+(?:(?:van|von|de|der|den|da|del|di|du|la|le|ter)\s+)*\p{Lu}[\p{L}\p{M}'’-]*\.?){1,3}$/u;
const DEGREE = /^(?:MD|PhD|MSc|MPH|MBBS|RN|DO|BSc|MA|MS|PharmD|FRCP|DPhil)$/;
// Marks that tie an author to an affiliation: digits, asterisks, daggers, superscripts.
const AFFILIATION_MARKS = /[\d*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰]+/g;
const AUTHOR_LINE_MAX = 300;

/** The block right after the title when it is a line of names (a byline), or -1. */
function findAuthorLine(drafts: Draft[], index: number): number {
  const draft = drafts[index];
  if (draft?.kind !== 'paragraph' || draft.lines[0]?.page !== 1) return -1;
  return namesOf(draft.text) ? index : -1;
}

/** The names a byline lists, as "A, B and C" is written, or undefined when the line is not only names. */
function namesOf(line: string): string | undefined {
  if (line.length > AUTHOR_LINE_MAX) return undefined;
  const parts = line
    .replace(/^by\s+/i, '')
    .replace(AFFILIATION_MARKS, ' ')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !DEGREE.test(part));
  if (parts.length === 0 || !parts.every((part) => NAME.test(part))) return undefined;
  return parts.join(', ');
}
