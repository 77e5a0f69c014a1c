// Word-level comparison for re-anchoring: where a reworded quote now stands (an approximate search over words,
// bounded by the quote's length and the window it is given), how alike two quotes are, and what changed between
// them for a reviewer to read.

// A decimal is one word: a dose going from 4.5 to 1.5 mg changes one word, not two.
const WORD = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+/gu;
const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

/** Words of body[from, to), lower-cased, with their offsets in the body. */
export type Words = { ids: Int32Array; starts: Int32Array; ends: Int32Array };

/**
 * Gives each distinct lower-cased word a number, so that the searches compare integers. One per re-anchoring,
 * shared by the quotes and the windows, since the same word must get the same number in both.
 */
export class WordIds {
  private readonly ids = new Map<string, number>();

  of(word: string): number {
    const key = word.toLowerCase();
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  words(body: string, from: number, to: number): Words {
    const ids: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    // A slice shares the body's memory, and the regex then cannot run past the window.
    for (const match of body.slice(from, to).matchAll(WORD)) {
      ids.push(this.of(match[0]));
      starts.push(from + match.index);
      ends.push(from + match.index + match[0].length);
    }
    return { ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  }
}

export type Span = { from: number; to: number; similarity: number };

/**
 * The run of window words closest to the quote's words: an approximate string search (Sellers) over words, where
 * the span may start and end anywhere in the window and each word left out, added or replaced costs one. Its
 * similarity is 1 − cost / the longer of quote and span, so a span that holds the quote amid other words scores
 * lower than the quote alone. Time is quote words × window words and memory one column, so the caller bounds
 * the window. Returns the span as indexes into window (to exclusive), or null when the window has no words.
 */
export function closestSpan(quote: Int32Array, window: Int32Array): Span | null {
  const q = quote.length;
  const w = window.length;
  if (q === 0 || w === 0) return null;
  // For the alignments of the quote's first i words that end at the current window word: the cheapest cost[i],
  // the most words matched among the cheapest (a reworded first word must not cut the span short), and the
  // window index where it starts.
  let cost = new Int32Array(q + 1);
  let matched = new Int32Array(q + 1);
  let from = new Int32Array(q + 1);
  let nextCost = new Int32Array(q + 1);
  let nextMatched = new Int32Array(q + 1);
  let nextFrom = new Int32Array(q + 1);
  for (let i = 0; i <= q; i++) cost[i] = i;
  let best: { cost: number; matched: number; from: number; to: number } | null = null;
  for (let j = 1; j <= w; j++) {
    const word = window[j - 1];
    nextCost[0] = 0;
    nextMatched[0] = 0;
    nextFrom[0] = j;
    for (let i = 1; i <= q; i++) {
      const same = quote[i - 1] === word;
      let c = (cost[i - 1] as number) + (same ? 0 : 1);
      let m = (matched[i - 1] as number) + (same ? 1 : 0);
      let f = from[i - 1] as number;
      const skipWindowWord = (cost[i] as number) + 1;
      if (skipWindowWord < c || (skipWindowWord === c && (matched[i] as number) > m)) {
        c = skipWindowWord;
        m = matched[i] as number;
        f = from[i] as number;
      }
      const skipQuoteWord = (nextCost[i - 1] as number) + 1;
      if (skipQuoteWord < c || (skipQuoteWord === c && (nextMatched[i - 1] as number) > m)) {
        c = skipQuoteWord;
        m = nextMatched[i - 1] as number;
        f = nextFrom[i - 1] as number;
      }
      nextCost[i] = c;
      nextMatched[i] = m;
      nextFrom[i] = f;
    }
    const c = nextCost[q] as number;
    const m = nextMatched[q] as number;
    if (!best || c < best.cost || (c === best.cost && m > best.matched))
      best = { cost: c, matched: m, from: nextFrom[q] as number, to: j };
    [cost, nextCost] = [nextCost, cost];
    [matched, nextMatched] = [nextMatched, matched];
    [from, nextFrom] = [nextFrom, from];
  }
  if (!best || best.to <= best.from) return null;
  return { from: best.from, to: best.to, similarity: similarity(best.cost, q, best.to - best.from) };
}

function similarity(cost: number, quoteWords: number, spanWords: number): number {
  return 1 - cost / Math.max(quoteWords, spanWords);
}

export type WordChange = { kind: 'same' | 'removed' | 'added'; text: string };

// Above this many token pairs the table would cost more than the diff is worth to a reader: the quote is shown
// as replaced whole.
const MAX_DIFF_CELLS = 1_000_000;

/**
 * What changed from the old quote to the new one, word by word, for display: a longest common subsequence of
 * words, spaces and punctuation marks, with neighbouring parts of one kind joined. Any run of whitespace equals
 * any other, since re-wrapping a line changes nothing a reader sees.
 */
export function wordDiff(before: string, after: string): WordChange[] {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  const changes: WordChange[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) changes.push({ kind: 'removed', text: removed });
    if (added) changes.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  // Words removed and added between two parts that stayed are shown as one replacement, the space between two
  // changed words included, rather than as a comb of one-word changes.
  const push = (kind: WordChange['kind'], text: string, next?: WordChange['kind']) => {
    if (kind === 'removed') removed += text;
    else if (kind === 'added') added += text;
    else if ((removed || added) && next && next !== 'same' && isSpace(text.charCodeAt(0))) {
      removed += text;
      added += text;
    } else {
      flush();
      const last = changes[changes.length - 1];
      if (last?.kind === 'same') last.text += text;
      else changes.push({ kind, text });
    }
  };
  if (a.length * b.length > MAX_DIFF_CELLS) {
    push('removed', before);
    push('added', after);
    flush();
    return changes;
  }
  // Tokens as numbers, every run of whitespace the same one; then the common start and end are set aside, so
  // the table covers only the reworded middle.
  const numbers = new Map<string, number>();
  const number = (token: string) => {
    const key = isSpace(token.charCodeAt(0)) ? ' ' : token;
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(key, n);
    }
    return n;
  };
  const x = Int32Array.from(a, number);
  const y = Int32Array.from(b, number);
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  )
    tail++;
  const rows = x.length - head - tail;
  const columns = y.length - head - tail;
  const width = columns + 1;
  // lengths[i * width + j]: the longest common subsequence of the middles from i and j on.
  const lengths = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i * width + j] =
        x[head + i] === y[head + j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  const steps: WordChange[] = [];
  for (let k = 0; k < head; k++) steps.push({ kind: 'same', text: b[k] as string });
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (x[head + i] === y[head + j]) {
      steps.push({ kind: 'same', text: b[head + j] as string });
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      steps.push({ kind: 'removed', text: a[head + i++] as string });
    } else {
      steps.push({ kind: 'added', text: b[head + j++] as string });
    }
  }
  while (i < rows) steps.push({ kind: 'removed', text: a[head + i++] as string });
  while (j < columns) steps.push({ kind: 'added', text: b[head + j++] as string });
  for (let k = b.length - tail; k < b.length; k++) steps.push({ kind: 'same', text: b[k] as string });
  steps.forEach((step, k) => {
    push(step.kind, step.text, steps[k + 1]?.kind);
  });
  flush();
  return changes;
}

function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    (code > 0x1000 && /\s/.test(String.fromCharCode(code)))
  );
}
