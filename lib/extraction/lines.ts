import { parseMetaLine } from './dates';
import { splitSentences, trimmedEnd, trimmedStart } from './sentences';
import type { Block, Layout } from './types';

// The shapes of plain-text lines: how lines become paragraphs and list items, and which lines read as a heading,
// a title or a list marker.

// Lines of plain text become blocks, with offsets straight into the text, which is the body.
// A block is a paragraph (consecutive lines) or a list item (a marker line and the lines indented under it).
// Pasted text often separates paragraphs by a single line break, so a paragraph also ends after a line that
// ends a sentence, and after a short first line that reads as a heading, unless the next line carries on in
// lower case.
const SHORT_LINE = 60;
const LINE_END_OF_SENTENCE = /[.!?:…]["'”’)\]]*$/;

export function textToLayout(body: string): Layout {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let itemIndent = 0;
  let lists = 0;
  let blankBefore = true;
  let lineEndsBlock = false;

  for (let lineStart = 0; lineStart <= body.length; ) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    const start = trimmedStart(body, lineStart, lineEnd);
    const end = trimmedEnd(body, start, lineEnd);
    const indent = start - lineStart;
    lineStart = lineEnd + 1;
    if (start === end) {
      if (open) blocks.push(open);
      open = null;
      blankBefore = true;
      continue;
    }
    const itemStart = listMarkerEnd(body, start);
    if (itemStart !== -1 && itemStart < end) {
      if (open) blocks.push(open);
      if (blocks.at(-1)?.kind !== 'item') lists++;
      open = newBlock('item', itemStart, end, lists);
      itemIndent = indent;
    } else if (
      open &&
      !blankBefore &&
      continues(open, indent > itemIndent, lineEndsBlock, body, start) &&
      !isMetaLine(body, start, end)
    ) {
      open.end = end;
      open.singleLine = false;
    } else {
      if (open) blocks.push(open);
      open = newBlock('paragraph', start, end, -1);
    }
    blankBefore = false;
    lineEndsBlock = endsBlock(body, open, start, end) || isMetaLine(body, start, end);
  }
  if (open) blocks.push(open);
  return { body, blocks, headingsByLayout: true };
}

function newBlock(kind: 'item' | 'paragraph', start: number, end: number, list: number): Block {
  return {
    kind,
    start,
    end,
    level: 0,
    list: kind === 'item' ? list : -1,
    singleLine: true,
    reference: false,
  };
}

function continues(
  open: Block,
  indented: boolean,
  lineEndsBlock: boolean,
  body: string,
  start: number,
): boolean {
  if (open.kind === 'item') return indented;
  if (!lineEndsBlock) return true;
  const code = body.charCodeAt(start);
  return code >= 97 && code <= 122;
}

// Whether the line just added to block may end it: it ends a sentence, or it is a heading-like first line.
function endsBlock(body: string, block: Block, start: number, end: number): boolean {
  if (LINE_END_OF_SENTENCE.test(body.slice(Math.max(start, end - 4), end))) return true;
  return (
    block.kind === 'paragraph' &&
    block.singleLine &&
    end - start <= SHORT_LINE &&
    looksLikeHeading(body.slice(start, end))
  );
}

// A byline or date line stands alone even without blank lines around it ("By Jane Morrow, Health Correspondent"
// under a title). Most lines start with neither, and the cheap test on their first words spares the full parse.
const META_START =
  /^(?:by|written|author|\w+ (?:reviewed|checked)|reviewed|published|updated|posted|last|date|on|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s)/i;
const META_LINE_LONGEST = 160;

function isMetaLine(body: string, start: number, end: number): boolean {
  if (end - start > META_LINE_LONGEST) return false;
  const line = body.slice(start, end);
  return META_START.test(line) && parseMetaLine(line) !== null;
}

const HEADING_MAX_LENGTH = 100;
const HEADING_MAX_WORDS = 14;
// A heading may end in a question ("Does LDN Cause Depression?") or a colon, but not a full stop or a comma.
const OPEN_ENDING = /[.,;…]$/;
// Its first letter is a capital (or from a script without case): "thus, the brain" is a fragment, not a heading.
const CAPITAL_FIRST = /^[^\p{L}\p{N}]*[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;
const WORD = /\S+/g;

/** A short line without a final full stop, of one sentence: what a heading in plain text looks like. */
export function looksLikeHeading(line: string): boolean {
  if (line.length === 0 || line.length > HEADING_MAX_LENGTH) return false;
  if (OPEN_ENDING.test(line) || !CAPITAL_FIRST.test(line) || !/\p{L}/u.test(line)) return false;
  if ((line.match(WORD)?.length ?? 0) > HEADING_MAX_WORDS) return false;
  // One sentence: a single start and end offset.
  return splitSentences(line, 0, line.length).length === 2;
}

const TITLE_MAX_LENGTH = 200;

/** The first line is the title when it reads like one: not too long and not ending like a sentence. */
export function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length <= TITLE_MAX_LENGTH && !/[.,;]$/.test(line) && /\p{L}/u.test(line);
}

// A list item's marker at the start of a line: a bullet, "1." / "1)" / "(1)", or "a)" / "(a)". A letter with a
// full stop ("A. Smith") is left alone, as are "1.5" and "2006." because a marker must be followed by a space.
const MARKER = /(?:[•●○◦▪▫■□‣⁃∙*+\-–]|\(?\d{1,3}[.)]|\(?[a-z]\))[ \t\u00A0]+/y;

/** Where an item's text starts when a list marker sits at body[at], or -1. */
function listMarkerEnd(body: string, at: number): number {
  MARKER.lastIndex = at;
  return MARKER.test(body) ? MARKER.lastIndex : -1;
}
