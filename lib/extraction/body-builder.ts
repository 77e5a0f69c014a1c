import { trimmedEnd, trimmedStart } from './sentences';
import type { Block, BlockKind } from './types';

type BlockStart = {
  kind: BlockKind;
  level?: number;
  list?: number;
  /** Written before an item's text, e.g. "• " or "  2. ". */
  marker?: string;
};

const HTML_WHITESPACE = /[\t\n\f\r ]+/g;
const BATCH = 1024;
// Replacing every single space with a space costs; most text needs no collapsing at all.
const COLLAPSIBLE = /[\t\n\f\r]| {2}/;
const WORDS = /[\p{L}\p{N}]/u;

/**
 * Writes the readable text of marked-up sources (HTML, Markdown) and records its blocks. Blocks are separated by
 * a blank line, items of one list and rows of one table by a line break. A block is only written once text
 * arrives, so empty elements leave nothing behind. The text is kept as parts, joined a batch at a time: linear
 * time, and the many small parts die young instead of being carried through every garbage collection.
 */
export class BodyBuilder {
  /** Set by the caller while it is inside markup that holds a reference list. */
  inReferences = false;
  /** Set by the caller while it is inside a link. */
  inLink = false;
  private readonly batches: string[] = [];
  private parts: string[] = [];
  private length = 0;
  private readonly blocks: Block[] = [];
  private pending: BlockStart | null = null;
  private current: Block | null = null;
  private previous: Block | null = null;
  private gap = '';
  /** Whether the current block has words inside links, and words outside them. */
  private linkedWords = false;
  private ownWords = false;

  /** Ends the current block; the next text opens one of this kind. */
  start(block: BlockStart) {
    this.end();
    this.pending = block;
  }

  end() {
    if (this.current) {
      this.current.end = this.length;
      if (this.linkedWords && !this.ownWords) this.current.linksOnly = true;
      this.blocks.push(this.current);
      this.previous = this.current;
    }
    this.current = null;
    this.pending = null;
    this.gap = '';
  }

  get hasText(): boolean {
    return this.current !== null;
  }

  /** Turns the current block into another kind, as a Markdown setext underline does to a paragraph. */
  retype(kind: BlockKind, level: number) {
    if (!this.current) return;
    this.current.kind = kind;
    this.current.level = level;
  }

  /** Text whose runs of HTML whitespace read as one space; non-breaking spaces are kept as they are. */
  inline(text: string) {
    const collapsed = COLLAPSIBLE.test(text) ? text.replace(HTML_WHITESPACE, ' ') : text;
    if (collapsed === ' ') {
      if (this.current && this.gap === '') this.gap = ' ';
      return;
    }
    if (collapsed === '') return;
    const leading = collapsed.charCodeAt(0) === 32;
    const trailing = collapsed.charCodeAt(collapsed.length - 1) === 32;
    if (leading && this.current && this.gap === '') this.gap = ' ';
    this.write(collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined));
    if (trailing) this.gap = ' ';
  }

  /** Text kept exactly, as in <pre> or a fenced code block. */
  verbatim(text: string) {
    if (text === '') return;
    this.write(text);
  }

  /** A line break inside the block (<br>, a Markdown hard break). */
  lineBreak() {
    if (!this.current) return;
    this.current.singleLine = false;
    this.gap = '\n';
  }

  /** A source line break that reads as a space (Markdown's soft break). */
  softBreak() {
    if (!this.current) return;
    this.current.singleLine = false;
    if (this.gap === '') this.gap = ' ';
  }

  /** Separates table cells. */
  cell() {
    if (this.current) this.gap = ' | ';
  }

  finish(): { body: string; blocks: Block[] } {
    this.end();
    this.batches.push(this.parts.join(''));
    const body = this.batches.join('');
    const blocks: Block[] = [];
    for (const block of this.blocks) {
      block.start = trimmedStart(body, block.start, block.end);
      block.end = trimmedEnd(body, block.start, block.end);
      if (block.end > block.start) blocks.push(block);
    }
    return { body, blocks };
  }

  private write(text: string) {
    if (!this.current) this.open();
    else if (this.gap) this.append(this.gap);
    if (WORDS.test(text)) {
      if (this.inLink) this.linkedWords = true;
      else this.ownWords = true;
    }
    this.gap = '';
    this.append(text);
  }

  private open() {
    const pending = this.pending ?? { kind: 'paragraph' };
    if (this.length > 0) this.append(this.joinsPrevious(pending) ? '\n' : '\n\n');
    if (pending.marker) this.append(pending.marker);
    this.current = {
      kind: pending.kind,
      start: this.length,
      end: this.length,
      level: pending.level ?? 0,
      list: pending.list ?? -1,
      singleLine: true,
      reference: this.inReferences,
    };
    this.linkedWords = false;
    this.ownWords = false;
    this.pending = null;
  }

  private joinsPrevious(next: BlockStart): boolean {
    const previous = this.previous;
    if (!previous || previous.end !== this.length) return false;
    if (next.kind === 'item') return previous.kind === 'item' && previous.list === next.list;
    return next.kind === 'verbatim' && previous.kind === 'verbatim';
  }

  private append(text: string) {
    this.parts.push(text);
    if (this.parts.length === BATCH) {
      this.batches.push(this.parts.join(''));
      this.parts = [];
    }
    this.length += text.length;
  }
}
