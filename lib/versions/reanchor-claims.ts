import { quoteContext, splitSentences, trimmedEnd, trimmedStart } from '@/lib/extraction/sentences';
import type { BodyRange } from '@/lib/workspace/find-uncovered-text';
import { findExactPlaces } from './exact-places';
import { closestSpan, type Span, type WordChange, WordIds, type Words, wordDiff } from './words';

export type { BodyRange, WordChange };

/** A claim of the old version, pinned by its TextPosition and TextQuote selectors into the old body. */
export type OldClaim = {
  id: string;
  start: number;
  end: number;
  /** Exactly oldBody.slice(start, end). */
  quote: string;
  /** As stored with the claim; taken from the old body when left out. */
  prefix?: string;
  suffix?: string;
};

/**
 * Where an old claim stands in the new version. Kept: the same words in the same place among its neighbours.
 * Moved: the same words elsewhere. Changed: words that differ, close enough to be the same statement reworded.
 * Orphaned: nowhere. Offsets point into the new body.
 */
export type ReanchoredClaim =
  | { id: string; status: 'kept' | 'moved'; start: number; end: number }
  | {
      id: string;
      status: 'changed';
      start: number;
      end: number;
      quote: string;
      /**
       * How alike the quote's words and the words found for them are: 1 − word edits / words, from
       * MIN_SIMILARITY to 1. The range may be wider, to the end of the sentence those words stand in.
       */
      similarity: number;
      diff: WordChange[];
    }
  | { id: string; status: 'orphaned' };

/** Below this, the words a claim shares with the new text are coincidence rather than the claim reworded. */
export const MIN_SIMILARITY = 0.6;

// The fuzzy search looks between a claim's anchored neighbours, but never over more than this many characters
// (or ten times the quote): a deleted section leaves a wide gap, and searching all of it for every claim that
// stood there would be quadratic.
const MIN_WINDOW = 2000;
const WINDOW_PER_QUOTE_CHAR = 10;
// A claim moved and reworded at once is looked for around pairs of its words, wherever they are; a pair found
// this often is too common to point anywhere.
const FRAGMENTS = 4;
const MAX_FRAGMENT_PLACES = 16;
const MAX_FALLBACK_WINDOWS = 4;
const MIN_FRAGMENT = 14;

const HAS_WORDS = /[\p{L}\p{N}]/u;
const LIST_MARKER = /^(?:[•◦▪‣·*+–-]|\(?(?:\d{1,3}|[a-z])[.)])\s+/u;
const BLANK_LINE = /\n[^\S\n]*\n/;
/** Starts as a sentence starts and ends as one ends. */
const SENTENCE = /^["'“‘([]*[\p{Lu}\p{N}][\s\S]*[.!?…]["'”’)\]]*$/u;
const LEADING_MARKS = /^[^\p{L}\p{N}\s]*/u;
const TRAILING_MARKS = /[^\p{L}\p{N}\s]*$/u;
const OPENERS = new Set(['(', '[', '"', "'", '“', '‘', '«']);
const CLOSERS = new Set(['.', '!', '?', '…', ')', ']', '"', "'", '”', '’', '»']);

/**
 * Re-anchors the claims of the old version into the new one, in the order of issue 22: the exact quote with its
 * prefix and suffix; the exact quote alone, nearest to where its neighbours put it; a fuzzy match of its words
 * between its anchored neighbours, then around pairs of its words found anywhere; otherwise an orphan. No two
 * claims are given overlapping ranges. Returns one result per claim, in the order given. Pure; time and memory
 * grow with the new body's length and the number of claims, not with their product.
 */
export function reanchorClaims(options: {
  oldBody: string;
  newBody: string;
  claims: readonly OldClaim[];
}): ReanchoredClaim[] {
  const run = new Reanchoring(options.oldBody, options.newBody, options.claims);
  run.placeExact();
  run.placeFuzzy();
  run.snapToSentences();
  return run.results();
}

/**
 * The stretches of body that no anchored claim covers and that hold words, trimmed and cut at blank lines, in
 * document order: where a new version's new sentences are, for the extractor's claims there to become new, unreviewed claims.
 */
export function uncoveredRanges(body: string, anchored: readonly BodyRange[]): BodyRange[] {
  const sorted = [...anchored].sort((a, b) => a.start - b.start);
  const ranges: BodyRange[] = [];
  let from = 0;
  const gap = (to: number) => {
    for (const paragraph of paragraphsOf(body, { start: from, end: to })) {
      const start = trimmedStart(body, paragraph.start, paragraph.end);
      const end = trimmedEnd(body, start, paragraph.end);
      if (end > start && HAS_WORDS.test(body.slice(start, end))) ranges.push({ start, end });
    }
  };
  for (const range of sorted) {
    if (range.start > from) gap(range.start);
    from = Math.max(from, range.end);
  }
  gap(body.length);
  return ranges;
}

/**
 * The claims (of the new version's extraction) that lie wholly inside one of the ranges, in document order. A
 * sentence only partly uncovered is the new form of a claim carried over, whose word diff shows what was added,
 * so it is not a new claim.
 */
export function claimsInRanges<T extends BodyRange>(claims: readonly T[], ranges: readonly BodyRange[]): T[] {
  const sortedRanges = [...ranges].sort((a, b) => a.start - b.start);
  const inside: T[] = [];
  let r = 0;
  for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
    // Ranges do not overlap, so the only one that can hold the claim is the first that ends at or after it.
    while (r < sortedRanges.length && (sortedRanges[r] as BodyRange).end < claim.end) r++;
    const range = sortedRanges[r];
    if (range && range.start <= claim.start) inside.push(claim);
  }
  return inside;
}

const NONE = -1;
type How = 'none' | 'exact' | 'fuzzy';

class Reanchoring {
  /** Claim indexes in the old document's order; every array below is indexed by position in it. */
  private readonly order: number[];
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly how: How[];
  private readonly inPlace: boolean[];
  private readonly similarity: Float64Array;
  private readonly taken = new TakenRanges();
  private readonly words = new WordIds();

  constructor(
    private readonly oldBody: string,
    private readonly newBody: string,
    private readonly claims: readonly OldClaim[],
  ) {
    this.order = claims.map((_, i) => i).sort((a, b) => this.claim(a).start - this.claim(b).start || a - b);
    const n = claims.length;
    this.start = new Int32Array(n).fill(NONE);
    this.end = new Int32Array(n).fill(NONE);
    this.how = new Array<How>(n).fill('none');
    this.inPlace = new Array<boolean>(n).fill(false);
    this.similarity = new Float64Array(n);
  }

  private claim(index: number): OldClaim {
    return this.claims[index] as OldClaim;
  }

  private at(k: number): OldClaim {
    return this.claim(this.order[k] as number);
  }

  private place(k: number, start: number, end: number, how: How) {
    this.start[k] = start;
    this.end[k] = end;
    this.how[k] = how;
    this.taken.add(start, end);
  }

  /** Steps 1 and 2: the exact quote, first where its prefix and suffix single one place out, then alone. */
  placeExact() {
    const n = this.order.length;
    // Most claims stand where the text before them puts them, so each quote is first looked for there and
    // nearby, with its prefix and suffix; the whole body is searched, in one pass, only for the rest.
    const rest: number[] = [];
    let shift = 0;
    for (let k = 0; k < n; k++) {
      const claim = this.at(k);
      const at = this.nearby(claim.quote, claim.start + shift);
      if (at !== NONE) shift = at - claim.start;
      const end = at + claim.quote.length;
      if (at !== NONE && this.hasContext(claim, at) && !this.taken.overlaps(at, end))
        this.place(k, at, end, 'exact');
      else rest.push(k);
    }
    const places: number[][] = new Array(n);
    const found = findExactPlaces(
      this.newBody,
      rest.map((k) => this.at(k).quote),
    );
    for (const [i, k] of rest.entries()) places[k] = found[i] ?? [];
    for (const k of rest) {
      const claim = this.at(k);
      let only = NONE;
      let count = 0;
      for (const at of places[k] ?? []) {
        if (!this.hasContext(claim, at)) continue;
        only = at;
        if (++count > 1) break;
      }
      if (count === 1 && !this.taken.overlaps(only, only + claim.quote.length))
        this.place(k, only, only + claim.quote.length, 'exact');
    }
    // The claims placed by their context that are still in the old order are the skeleton the others are
    // placed against: a repeated quote goes to the place nearest to where its neighbours say it should be.
    this.markInPlace();
    const next = this.nextInPlace();
    let previous = NONE;
    for (let k = 0; k < n; k++) {
      if (this.inPlace[k]) {
        previous = k;
        continue;
      }
      const list = places[k] ?? [];
      if (this.how[k] !== 'none' || list.length === 0) continue;
      const claim = this.at(k);
      const { from, to, expected } = this.gap(k, previous, next[k] ?? NONE);
      const at = this.nearestFreePlace(list, expected, claim.quote.length);
      if (at === NONE) continue;
      this.place(k, at, at + claim.quote.length, 'exact');
      if (at >= from && at + claim.quote.length <= to) previous = k;
    }
    this.markInPlace();
  }

  /** Step 3: the quote's words, reworded, first between its anchored neighbours, then anywhere. */
  placeFuzzy() {
    const n = this.order.length;
    const next = this.nextInPlace();
    const left: number[] = [];
    let previous = NONE;
    for (let k = 0; k < n; k++) {
      if (this.inPlace[k]) {
        previous = k;
        continue;
      }
      if (this.how[k] !== 'none') continue;
      const claim = this.at(k);
      const { from, to, expected } = this.gap(k, previous, next[k] ?? NONE);
      const limit = Math.max(MIN_WINDOW, WINDOW_PER_QUOTE_CHAR * claim.quote.length);
      let windowFrom = from;
      let windowTo = to;
      if (to - from > limit) {
        windowFrom = Math.min(Math.max(from, expected - limit / 2), to - limit);
        windowTo = windowFrom + limit;
      }
      if (this.placeWords(k, [{ start: windowFrom, end: windowTo }], expected)) {
        this.inPlace[k] = true;
        previous = k;
      } else left.push(k);
    }
    if (left.length === 0) return;
    // Pairs of the quote's words that survived the rewording, found exactly in one more pass over the body,
    // point to where a claim moved and reworded at once may be.
    const fragments = left.map((k) => distinctivePairs(this.at(k).quote));
    const places = findExactPlaces(this.newBody, fragments.flat(), MAX_FRAGMENT_PLACES);
    let fragment = 0;
    for (const [i, k] of left.entries()) {
      const reach = this.at(k).quote.length;
      const windows: Array<BodyRange & { hits: number }> = [];
      for (const _ of fragments[i] ?? []) {
        const found = places[fragment++] ?? [];
        if (found.length === MAX_FRAGMENT_PLACES) continue;
        for (const at of found)
          windows.push({
            start: Math.max(0, at - reach),
            end: Math.min(this.newBody.length, at + reach),
            hits: 1,
          });
      }
      // Where the claim went, most of its pairs point; a pair alone is as likely to be chance.
      const merged = mergeRanges(windows).sort((a, b) => b.hits - a.hits);
      const most = merged[0]?.hits ?? 0;
      const chosen = merged.filter((w) => w.hits === most || w.hits > 1).slice(0, MAX_FALLBACK_WINDOWS);
      if (chosen.length > 0) this.placeWords(k, chosen);
    }
  }

  /** Places claim k on the closest span of words in the windows' free parts, if it is close enough. */
  private placeWords(k: number, windows: readonly BodyRange[], expected?: number): boolean {
    const claim = this.at(k);
    const quoteWords = this.words.words(claim.quote, 0, claim.quote.length).ids;
    if (quoteWords.length === 0) return false;
    let best: { span: Span; words: Words; free: BodyRange; distance: number } | null = null;
    // A reworded sentence stays in its paragraph: a match that runs on past a blank line has taken a word
    // from the next paragraph, unless the quote itself crossed one.
    const crossesParagraphs = BLANK_LINE.test(claim.quote);
    for (const window of windows) {
      const parts = this.taken.free(window.start, window.end);
      for (const free of crossesParagraphs
        ? parts
        : parts.flatMap((part) => paragraphsOf(this.newBody, part))) {
        const words = this.words.words(this.newBody, free.start, free.end);
        const span = closestSpan(quoteWords, words.ids);
        if (!span) continue;
        // Of two spans as close, the one nearer to where the claim was expected.
        const distance = Math.abs((words.starts[span.from] as number) - (expected ?? 0));
        if (
          !best ||
          span.similarity > best.span.similarity ||
          (span.similarity === best.span.similarity && distance < best.distance)
        )
          best = { span, words, free, distance };
      }
    }
    if (!best || best.span.similarity < MIN_SIMILARITY) return false;
    const { span, words, free } = best;
    const start = words.starts[span.from] as number;
    const end = words.ends[span.to - 1] as number;
    const widened = widen(this.newBody, start, end, claim.quote, free);
    this.place(k, widened.start, widened.end, 'fuzzy');
    this.similarity[k] = span.similarity;
    return true;
  }

  /**
   * A reworded quote that was whole sentences is carried over as whole sentences: words added at either end
   * belong to the claim, where the diff shows them, rather than standing apart as half a sentence. Done once
   * every claim has its words, so that a sentence two old claims were merged into is not taken whole by the
   * first of them.
   */
  snapToSentences() {
    for (let k = 0; k < this.order.length; k++) {
      if (this.how[k] !== 'fuzzy' || !SENTENCE.test(this.at(k).quote)) continue;
      const start = this.start[k] as number;
      const end = this.end[k] as number;
      const sentences = sentencesAround(this.newBody, start, end);
      if (!sentences) continue;
      if (sentences.start < start && this.taken.overlaps(sentences.start, start)) continue;
      if (sentences.end > end && this.taken.overlaps(end, sentences.end)) continue;
      this.taken.grow(start, sentences.start, sentences.end);
      this.start[k] = sentences.start;
      this.end[k] = sentences.end;
    }
  }

  /**
   * Where claim k belongs between its anchored neighbours: after the one before it, before the one after it, and
   * at the same distance from the one before as in the old version.
   */
  private gap(k: number, previous: number, next: number) {
    const from = previous === NONE ? 0 : (this.end[previous] as number);
    const to = next === NONE ? this.newBody.length : Math.max(from, this.start[next] as number);
    const oldFrom = previous === NONE ? 0 : this.at(previous).end;
    const expected = Math.min(to, from + Math.max(0, this.at(k).start - oldFrom));
    return { from, to, expected };
  }

  /** For each claim, the next one after it that is anchored in place, or NONE. */
  private nextInPlace(): Int32Array {
    const next = new Int32Array(this.order.length).fill(NONE);
    let following = NONE;
    for (let k = this.order.length - 1; k >= 0; k--) {
      next[k] = following;
      if (this.inPlace[k]) following = k;
    }
    return next;
  }

  /** The exact places that keep the old order: the increasing run of new starts that holds the most text. */
  private markInPlace() {
    const placed: number[] = [];
    for (let k = 0; k < this.order.length; k++) if (this.how[k] === 'exact') placed.push(k);
    this.inPlace.fill(false);
    const starts = placed.map((k) => this.start[k] as number);
    const lengths = placed.map((k) => (this.end[k] as number) - (this.start[k] as number));
    for (const k of heaviestIncreasing(starts, lengths)) {
      this.inPlace[placed[k] as number] = true;
    }
  }

  private nearestFreePlace(places: readonly number[], expected: number, length: number): number {
    let after = lowerBound(places, expected);
    let before = after - 1;
    while (before >= 0 || after < places.length) {
      const a = places[after];
      const b = places[before];
      const takeAfter = a !== undefined && (b === undefined || a - expected <= expected - b);
      const at = (takeAfter ? a : b) as number;
      if (takeAfter) after++;
      else before--;
      if (!this.taken.overlaps(at, at + length)) return at;
    }
    return NONE;
  }

  /** Where the quote starts at `predicted` or within a window of it, or NONE. */
  private nearby(quote: string, predicted: number): number {
    if (predicted >= 0 && this.newBody.startsWith(quote, predicted)) return predicted;
    const from = Math.min(this.newBody.length, Math.max(0, predicted - MIN_WINDOW));
    const to = Math.min(this.newBody.length, Math.max(from, predicted + MIN_WINDOW + quote.length));
    const at = this.newBody.slice(from, to).indexOf(quote);
    return at < 0 ? NONE : from + at;
  }

  private hasContext(claim: OldClaim, at: number): boolean {
    const { prefix, suffix } = this.context(claim);
    return this.newBody.endsWith(prefix, at) && this.newBody.startsWith(suffix, at + claim.quote.length);
  }

  private context(claim: OldClaim) {
    if (claim.prefix !== undefined && claim.suffix !== undefined)
      return { prefix: claim.prefix, suffix: claim.suffix };
    const around = quoteContext(this.oldBody, claim.start, claim.end);
    return { prefix: claim.prefix ?? around.prefix, suffix: claim.suffix ?? around.suffix };
  }

  results(): ReanchoredClaim[] {
    const results = new Array<ReanchoredClaim>(this.claims.length);
    for (let k = 0; k < this.order.length; k++) {
      const index = this.order[k] as number;
      const { id, quote } = this.claim(index);
      const start = this.start[k] as number;
      const end = this.end[k] as number;
      const how = this.how[k];
      if (how === 'none') {
        results[index] = { id, status: 'orphaned' };
        continue;
      }
      const newQuote = this.newBody.slice(start, end);
      // Re-wrapped lines change no word a reviewer assessed.
      if (how === 'exact' || collapse(newQuote) === collapse(quote)) {
        results[index] = { id, status: this.inPlace[k] ? 'kept' : 'moved', start, end };
        continue;
      }
      results[index] = {
        id,
        status: 'changed',
        start,
        end,
        quote: newQuote,
        similarity: this.similarity[k] as number,
        diff: wordDiff(quote, newQuote),
      };
    }
    return results;
  }
}

/**
 * The ranges already given to a claim, sorted and never overlapping. Inserting costs a shift of the arrays,
 * which for a few thousand claims is cheaper than a tree.
 */
class TakenRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the first range that ends after `at`. */
  private firstEndingAfter(at: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] as number) <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.starts.length && (this.starts[i] as number) < end;
  }

  /** Widens the range that starts at `at`; the caller has checked that it overlaps no other. */
  grow(at: number, start: number, end: number) {
    const i = this.firstEndingAfter(at);
    this.starts[i] = start;
    this.ends[i] = end;
  }

  add(start: number, end: number) {
    const i = this.firstEndingAfter(start);
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }

  /** The parts of [from, to) that no range covers. */
  free(from: number, to: number): BodyRange[] {
    const parts: BodyRange[] = [];
    let cursor = from;
    for (
      let i = this.firstEndingAfter(from);
      i < this.starts.length && (this.starts[i] as number) < to;
      i++
    ) {
      if ((this.starts[i] as number) > cursor) parts.push({ start: cursor, end: this.starts[i] as number });
      cursor = Math.max(cursor, this.ends[i] as number);
    }
    if (cursor < to) parts.push({ start: cursor, end: to });
    return parts;
  }
}

/**
 * Up to FRAGMENTS pairs of neighbouring words of the quote, as written there, the longest first: long words are
 * the rare ones, and a pair of them seldom occurs by chance.
 */
function distinctivePairs(quote: string): string[] {
  const words = [...quote.matchAll(/[\p{L}\p{N}]+/gu)];
  const pairs: Array<{ text: string; at: number }> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i] as RegExpExecArray;
    const second = words[i + 1] as RegExpExecArray;
    pairs.push({ text: quote.slice(first.index, second.index + second[0].length), at: i });
  }
  pairs.sort((a, b) => b.text.length - a.text.length);
  const chosen: typeof pairs = [];
  for (const pair of pairs) {
    // Shorter pairs are common words, and would each cost a search of the whole body of their own.
    if (chosen.length === FRAGMENTS || pair.text.length < MIN_FRAGMENT) break;
    if (chosen.every((c) => Math.abs(c.at - pair.at) > 1)) chosen.push(pair);
  }
  return chosen.map((pair) => pair.text);
}

/** Overlapping windows joined into one, which counts the fragments found in it. */
function mergeRanges(ranges: Array<BodyRange & { hits: number }>): Array<BodyRange & { hits: number }> {
  const merged: Array<BodyRange & { hits: number }> = [];
  for (const range of ranges.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      last.hits += range.hits;
    } else merged.push({ ...range });
  }
  return merged;
}

/**
 * A span of words, widened over the brackets, quotation marks and full stop that the old quote had around its
 * words.
 */
function widen(body: string, start: number, end: number, quote: string, within: BodyRange) {
  let lead = LEADING_MARKS.exec(quote)?.[0].length ?? 0;
  while (lead-- > 0 && start > within.start && OPENERS.has(body[start - 1] as string)) start--;
  let trail = TRAILING_MARKS.exec(quote)?.[0].length ?? 0;
  while (trail-- > 0 && end < within.end && CLOSERS.has(body[end] as string)) end++;
  return { start, end };
}

/**
 * The sentences that [start, end) touches, within its paragraph and at most a window's length away: null when
 * they are no more than the range itself.
 */
function sentencesAround(body: string, start: number, end: number): BodyRange | null {
  const from = Math.max(start - MIN_WINDOW, body.lastIndexOf('\n\n', start) + 1);
  const blank = body.indexOf('\n\n', end);
  const to = Math.min(end + MIN_WINDOW, blank < 0 ? body.length : blank);
  const sentences = splitSentences(body, from, to);
  let first = start;
  let last = end;
  for (let i = 0; i < sentences.length; i += 2) {
    const sentenceStart = sentences[i] as number;
    const sentenceEnd = sentences[i + 1] as number;
    if (sentenceEnd > start && sentenceStart < end) {
      first = Math.min(first, sentenceStart);
      last = Math.max(last, sentenceEnd);
    }
  }
  // A list item's marker ("• ", "2. ") opens its sentence here, but is not the claim's, as the extractor takes it.
  if (first < start) first += LIST_MARKER.exec(body.slice(first, start))?.[0].length ?? 0;
  return first < start || last > end ? { start: first, end: last } : null;
}

/** The range cut at its blank lines. */
function paragraphsOf(body: string, range: BodyRange): BodyRange[] {
  const parts: BodyRange[] = [];
  let start = range.start;
  for (const blank of body.slice(range.start, range.end).matchAll(/\n[^\S\n]*\n/g)) {
    const end = range.start + blank.index;
    if (end > start) parts.push({ start, end });
    start = end + blank[0].length;
  }
  if (range.end > start) parts.push({ start, end: range.end });
  return parts;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indexes of the heaviest strictly increasing subsequence of values: the claims that stayed in order, chosen so
 * that what counts as moved is as little text as can be. Prefix maxima in a Fenwick tree over the values' ranks
 * keep it n log n.
 */
function heaviestIncreasing(values: readonly number[], weights: readonly number[]): number[] {
  const n = values.length;
  const rank = new Int32Array(n);
  const byValue = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  for (const [r, i] of byValue.entries()) rank[i] = r + 1;
  const treeWeight = new Float64Array(n + 1);
  const treeIndex = new Int32Array(n + 1).fill(NONE);
  const total = new Float64Array(n);
  const previous = new Int32Array(n).fill(NONE);
  let last = NONE;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestIndex = NONE;
    for (let r = (rank[i] as number) - 1; r > 0; r -= r & -r) {
      if ((treeWeight[r] as number) > best) {
        best = treeWeight[r] as number;
        bestIndex = treeIndex[r] as number;
      }
    }
    total[i] = best + (weights[i] as number);
    previous[i] = bestIndex;
    for (let r = rank[i] as number; r <= n; r += r & -r) {
      if ((total[i] as number) > (treeWeight[r] as number)) {
        treeWeight[r] = total[i] as number;
        treeIndex[r] = i;
      }
    }
    if (last === NONE || (total[i] as number) > (total[last] as number)) last = i;
  }
  const run: number[] = [];
  for (let i = last; i !== NONE; i = previous[i] as number) run.push(i);
  return run.reverse();
}
