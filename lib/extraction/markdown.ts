import { BodyBuilder } from './body-builder';
import { parseDate } from './dates';
import { trimmedStart } from './sentences';
import type { Layout } from './types';

// The Markdown reader: the rendered text as blocks, with inline markup removed and metadata read from the
// front matter.

// Markdown becomes the text a reader sees when it is rendered: headings without their #, list items with a
// "•" or their number, links as their text, code and tables kept but never claimed. Line by line, so linear.
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ITEM = /^([ \t]*)([-*+•]|\d{1,9}[.)])(?:[ \t]+|$)/;
const TASK = /^\[[ xX]\][ \t]+/;
const QUOTES = /^(?: {0,3}> ?)+/;
// A table's rule row (| --- | :-: |), told by its characters alone: nested optional spaces would backtrack.
const TABLE_RULE = /^[|:\- \t]+$/;
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]{1,500}\]:[ \t]*\S/;
const INDENTED_CODE = /^(?: {4}|\t)/;
// A line that starts with a letter can only be prose: no block markup starts with one.
const PROSE_START = /^\p{L}/u;

export function markdownToText(source: string): Layout {
  const frontMatter = readFrontMatter(source);
  const out = new BodyBuilder();
  let fence = '';
  let inComment = false;
  let inList = false;
  let lists = 0;
  let blankBefore = true;
  let hardBreak = false;

  // Lines are cut one at a time rather than split up front, so that each is garbage as soon as it is read.
  for (let lineStart = frontMatter.length; lineStart <= source.length; ) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const raw = source.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (fence) {
      if (raw.trim().startsWith(fence)) {
        fence = '';
        out.end();
      } else {
        out.lineBreak();
        out.verbatim(raw);
      }
      continue;
    }
    if (inComment) {
      inComment = !raw.includes('-->');
      continue;
    }
    const quoted = raw.charCodeAt(trimmedStart(raw, 0, raw.length)) === 62;
    const line = quoted ? raw.replace(QUOTES, '') : raw;
    if (trimmedStart(line, 0, line.length) === line.length) {
      out.end();
      blankBefore = true;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    const paragraphOpen = out.hasText && !wasBlank;
    if (PROSE_START.test(line)) {
      addProse(line, paragraphOpen, wasBlank);
      continue;
    }

    const setext = paragraphOpen && !inList ? SETEXT.exec(line) : null;
    if (setext) {
      out.retype('heading', setext[1]?.startsWith('=') ? 1 : 2);
      out.end();
      continue;
    }
    if (RULE.test(line)) {
      out.end();
      inList = false;
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen?.[1]) {
      out.start({ kind: 'verbatim' });
      fence = fenceOpen[1];
      inList = false;
      continue;
    }
    if (line.trimStart().startsWith('<!--') && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx?.[1]) {
      out.start({ kind: 'heading', level: atx[1].length });
      out.inline(stripMarkdownInline(line.slice(atx[0].length).replace(/[ \t]+#+[ \t]*$/, '')));
      out.end();
      inList = false;
      continue;
    }
    const item = ITEM.exec(line);
    if (item?.[2]) {
      if (!inList) lists++;
      inList = true;
      const depth = Math.floor((item[1] ?? '').replace(/\t/g, '    ').length / 2);
      const marker = /\d/.test(item[2]) ? `${item[2].slice(0, -1)}. ` : '• ';
      out.start({ kind: 'item', list: lists, marker: '  '.repeat(depth) + marker });
      out.inline(stripMarkdownInline(line.slice(item[0].length).replace(TASK, '')));
      hardBreak = false;
      continue;
    }
    if (TABLE_RULE.test(line) && line.includes('|') && line.includes('-')) continue;
    if (TABLE_ROW.test(line)) {
      out.start({ kind: 'verbatim' });
      for (const cell of line.trim().slice(1, -1).split('|')) {
        out.cell();
        out.inline(stripMarkdownInline(cell));
      }
      out.end();
      continue;
    }
    if (LINK_DEFINITION.test(line)) continue;
    if (!paragraphOpen && !inList && INDENTED_CODE.test(line)) {
      out.start({ kind: 'verbatim' });
      out.verbatim(line.replace(INDENTED_CODE, ''));
      out.end();
      continue;
    }
    addProse(line, paragraphOpen, wasBlank);
  }

  function addProse(line: string, paragraphOpen: boolean, wasBlank: boolean) {
    if (paragraphOpen) {
      if (hardBreak) out.lineBreak();
      else out.softBreak();
    } else {
      if (wasBlank && !/^[ \t]/.test(line)) inList = false;
      out.start({ kind: 'paragraph' });
    }
    hardBreak = line.endsWith('  ') || line.endsWith('\\');
    out.inline(stripMarkdownInline(line.endsWith('\\') ? line.slice(0, -1) : line));
  }

  const { body, blocks } = out.finish();
  const fields = frontMatter.fields;
  const date =
    fields.get('date') ?? fields.get('published') ?? fields.get('publishedat') ?? fields.get('pubdate');
  return {
    body,
    blocks,
    headingsByLayout: true,
    title: fields.get('title'),
    author: fields.get('author'),
    publishedAt: date ? (parseDate(date)?.iso ?? undefined) : undefined,
  };
}

// Markdown's inline markup, removed so that the body reads as the rendered text: links keep their text, images
// and raw tags go, code spans keep their code, emphasis markers and backslash escapes go, and common entities
// are decoded. Every quantifier is bounded or stops at a delimiter, so the pass stays linear even on long lines.
const INLINE = new RegExp(
  [
    String.raw`\\([!-/:-@[-\x60{-~])`,
    String.raw`!\[[^\]\n]{0,200}\]\([^)\n]{0,1000}\)`,
    String.raw`\[([^\]\n]{0,200})\](?:\([^)\n]{0,1000}\)|\[[^\]\n]{0,200}\])`,
    String.raw`<((?:https?|mailto):[^>\s]{1,2000})>`,
    String.raw`<!--[^\n]{0,2000}?-->|<\/?[A-Za-z][^<>\n]{0,1000}>`,
    String.raw`\x60([^\x60\n]{0,2000})\x60`,
    String.raw`(\*{1,3}|~~|_{1,3})`,
    String.raw`&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));`,
  ].join('|'),
  'g',
);
// Most prose has none of the characters that start markup, and testing for them is much cheaper than replacing.
const MARKUP_START = /[\\![<\x60*~_&]/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  deg: '°',
  micro: 'µ',
  plusmn: '±',
  times: '×',
  le: '≤',
  ge: '≥',
};

function stripMarkdownInline(line: string): string {
  if (!MARKUP_START.test(line)) return line;
  return line.replace(
    INLINE,
    (
      match: string,
      escaped: string | undefined,
      linkText: string | undefined,
      autolink: string | undefined,
      code: string | undefined,
      emphasis: string | undefined,
      decimal: string | undefined,
      hex: string | undefined,
      named: string | undefined,
      offset: number,
    ) => {
      if (escaped !== undefined) return escaped;
      if (linkText !== undefined) return stripMarkdownInline(linkText);
      if (autolink !== undefined) return autolink;
      if (code !== undefined) return code;
      if (emphasis !== undefined) return isDelimiter(line, offset, emphasis) ? '' : emphasis;
      if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10), match);
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), match);
      if (named !== undefined) return ENTITIES[named] ?? match;
      return '';
    },
  );
}

// A run of * or ~~ is emphasis unless spaces surround it ("5 * 3"); a run of _ is emphasis only at the edge of a
// word, so snake_case stays as it is.
function isDelimiter(line: string, offset: number, run: string): boolean {
  const before = line[offset - 1] ?? ' ';
  const after = line[offset + run.length] ?? ' ';
  if (run[0] !== '_') return before.trim() !== '' || after.trim() !== '';
  return (!WORD_CHAR.test(before) && after.trim() !== '') || (before.trim() !== '' && !WORD_CHAR.test(after));
}

function fromCodePoint(code: number, fallback: string): string {
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : fallback;
}

// YAML front matter ("---" lines around "key: value" pairs) at the top of a Markdown file. Only the flat keys the
// extractor uses are read; anything fancier is skipped rather than parsed.
const FRONT_MATTER = /^---[ \t]*\n([\s\S]{0,20000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const PAIR = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;

type FrontMatter = { length: number; fields: Map<string, string> };

function readFrontMatter(source: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  const fields = new Map<string, string>();
  if (!match) return { length: 0, fields };
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = PAIR.exec(line);
    if (!pair?.[1] || !pair[2]) continue;
    const value = pair[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value) fields.set(pair[1].toLowerCase(), value);
  }
  return { length: match[0].length, fields };
}
