import { normaliseBody } from './normalise-body';
import { quoteContext } from './quote-context';
import type { ExtractedClaim, ExtractedSection, Extraction, SourceFormat } from './types';

// The walking skeleton's splitter: paragraphs, then sentences at ". ", "? " or "! ".
// A short line without final punctuation is taken as a heading. The real extractor replaces this
// module behind the same signature.

const SENTENCE_END = /[.!?](?=\s|$)/g;
const HEADING_MAX = 80;

export function extractClaims(input: { text: string; format: SourceFormat }): Extraction {
  const body = normaliseBody(input.text);
  const sections: ExtractedSection[] = [];
  const claims: ExtractedClaim[] = [];
  let title: string | null = null;

  for (const line of lines(body)) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    const lead = line.text.length - line.text.trimStart().length;
    const start = line.start + lead;
    const end = start + trimmed.length;
    if (title === null) {
      title = trimmed;
      continue;
    }
    if (trimmed.length <= HEADING_MAX && !/[.!?]$/.test(trimmed)) {
      sections.push({ heading: trimmed.replace(/:$/, ''), start, end });
      continue;
    }
    for (const [s, e] of sentences(body, start, end)) {
      claims.push({
        text: body.slice(s, e),
        quote: body.slice(s, e),
        start: s,
        end: e,
        ...quoteContext(body, s, e),
        sectionIndex: sections.length > 0 ? sections.length - 1 : null,
        kind: 'OTHER',
        hedged: false,
      });
    }
  }
  return { body, title, sections, claims };
}

function* lines(body: string) {
  let start = 0;
  for (const text of body.split('\n')) {
    yield { text, start };
    start += text.length + 1;
  }
}

function* sentences(body: string, start: number, end: number): Generator<[number, number]> {
  const paragraph = body.slice(start, end);
  let from = 0;
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const to = match.index + 1;
    yield* trimmed(body, start + from, start + to);
    from = to;
  }
  if (from < paragraph.length) yield* trimmed(body, start + from, end);
}

function* trimmed(body: string, s: number, e: number): Generator<[number, number]> {
  while (s < e && /\s/.test(body[s] ?? '')) s++;
  while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
  if (e > s) yield [s, e];
}
