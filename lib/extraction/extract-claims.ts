import { htmlToText } from './html';
import { classifyKind, detectHedges } from './kinds';
import { textToLayout } from './lines';
import { markdownToText } from './markdown';
import { assignRoles, findLeadIns } from './outline';
import { oneLine, quoteContext, splitSentences } from './sentences';
import {
  detectStudyCitation,
  linkReferences,
  parseReferenceEntries,
  type ReferenceEntry,
  type StudyCitation,
} from './study-citations';
import type { Block, ExtractedClaim, ExtractedSection, Extraction, Layout, SourceFormat } from './types';

const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * Splits an article into its body, sections and sentence-level claims, each pinned to its offsets in the body.
 * Pure and synchronous, so it also runs in the browser for the import preview; linear in the input's length.
 */
export function extractClaims(input: {
  text: string;
  format: SourceFormat;
  /** Stop once there are more than this many claims: the caller refuses such a text, so the rest is waste. */
  maxClaims?: number;
}): Extraction {
  return extractFromLayout(layOut(input.format, normaliseBody(input.text)), input);
}

/**
 * The claims of a source already reduced to its layout, as the PDF reader (pdf.ts) reduces a PDF; the layout's
 * body is final, so every offset points into it.
 */
export function extractFromLayout(layout: Layout, options: { maxClaims?: number } = {}): Extraction {
  const maxClaims = options.maxClaims ?? Number.POSITIVE_INFINITY;
  const { body, blocks } = layout;
  const outline = assignRoles(layout);
  const leadIns = findLeadIns(body, blocks, outline.roles);
  const sections: ExtractedSection[] = [];
  const claims: ExtractedClaim[] = [];
  // The claims that cite by marker, to link once the reference list (at the document's end) has been read.
  const citing: Array<{ claim: ExtractedClaim; citation: StudyCitation }> = [];
  const references: ReferenceEntry[] = [];

  for (const [i, block] of blocks.entries()) {
    if (claims.length > maxClaims) break;
    const role = outline.roles[i];
    if (role === 'reference') {
      references.push(...parseReferenceEntries(body.slice(block.start, block.end), markerOf(body, block)));
      continue;
    }
    if (role === 'heading') {
      const section = toSection(body, block);
      if (section) sections.push(section);
      continue;
    }
    if (role !== 'claims') continue;
    const sectionIndex = sections.length > 0 ? sections.length - 1 : null;
    const leadIn = block.kind === 'item' ? leadIns.byList.get(block.list) : undefined;
    const sentences = splitSentences(body, block.start, leadIns.cuts.get(i) ?? block.end);
    for (let k = 0; k < sentences.length && claims.length <= maxClaims; k += 2) {
      const start = sentences[k] ?? 0;
      const end = sentences[k + 1] ?? 0;
      const quote = body.slice(start, end);
      if (!HAS_WORDS.test(quote)) continue;
      const text = leadIn ? `${leadIn} ${oneLine(quote)}` : oneLine(quote);
      const hedges = detectHedges(text);
      const { prefix, suffix } = quoteContext(body, start, end);
      const citation = detectStudyCitation(text);
      const claim: ExtractedClaim = {
        text,
        quote,
        start,
        end,
        prefix,
        suffix,
        sectionIndex,
        kind: classifyKind(text),
        hedged: hedges.length > 0,
        hedges,
        citesStudy: citation.citesStudy,
      };
      claims.push(claim);
      if (citation.numbers.length > 0 || citation.authorYears.length > 0) citing.push({ claim, citation });
    }
  }
  for (const { claim, citation } of citing) {
    const linked = linkReferences(citation, references);
    if (linked.length > 0) claim.references = linked;
  }

  return {
    body,
    title: outline.title,
    ...(outline.author ? { author: outline.author } : {}),
    ...(outline.publishedAt ? { publishedAt: outline.publishedAt } : {}),
    sections,
    claims,
  };
}

function layOut(format: SourceFormat, source: string): Layout {
  if (format === 'HTML') return htmlToText(source);
  if (format === 'MARKDOWN') return markdownToText(source);
  return textToLayout(source);
}

// A list item's marker ("12. ") stands before its text on its line: the entry's number in a numbered list.
function markerOf(body: string, block: Block): string {
  if (block.kind !== 'item') return '';
  return body.slice(body.lastIndexOf('\n', block.start - 1) + 1, block.start);
}

// The heading as shown: without the colon that introduces what follows ("LDN as a Psychiatric Medication:").
function toSection(body: string, block: Block): ExtractedSection | null {
  let end = block.end;
  while (end > block.start && /[\s:：]/.test(body[end - 1] ?? '')) end--;
  if (end === block.start) return null;
  return { heading: body.slice(block.start, end), level: block.level, start: block.start, end };
}

// Offsets must stay valid forever, so the body is normalised once, at import, and only in ways that
// cannot change what a reader sees: a byte-order mark and Windows or old-Mac line endings.
function normaliseBody(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
