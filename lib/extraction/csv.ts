import { parse } from 'csv-parse/sync';
import { classifyKind, detectHedges } from './kinds';
import { quoteContext } from './sentences';
import { detectStudyCitation } from './study-citations';
import type { ExtractedClaim, ExtractedSection, Extraction } from './types';

export type CsvExtraction = Extraction & { sources: Array<string | null> };

/**
 * A list of claims from a data set, as CSV with a `claim` column and optional `section` and `source` columns.
 * The body is the claims one per line, with a line for each section heading before its first claim, so every
 * claim stays pinned to its own text like any other document. The extractor is not run: each row is one claim.
 */
export function extractClaimsCsv(
  csv: string,
): { ok: true; extraction: CsvExtraction } | { ok: false; error: string } {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (e) {
    return { ok: false, error: `The CSV could not be read: ${(e as Error).message}` };
  }
  if (rows.length === 0 || !('claim' in (rows[0] ?? {}))) {
    return {
      ok: false,
      error: 'The CSV needs a header row with a "claim" column (and optionally "section" and "source").',
    };
  }
  const lines: string[] = [];
  const sections: ExtractedSection[] = [];
  const claims: ExtractedClaim[] = [];
  const sources: Array<string | null> = [];
  let offset = 0;
  let section = '';
  const push = (line: string) => {
    const start = offset;
    lines.push(line);
    offset += line.length + 1;
    return start;
  };
  for (const row of rows) {
    const text = oneLine(row.claim ?? '');
    if (!text) continue;
    const heading = oneLine(row.section ?? '');
    if (heading && heading !== section) {
      section = heading;
      const start = push(heading);
      sections.push({ heading, level: 2, start, end: start + heading.length });
    }
    const start = push(text);
    const hedges = detectHedges(text);
    claims.push({
      text,
      quote: text,
      start,
      end: start + text.length,
      prefix: '',
      suffix: '',
      sectionIndex: sections.length > 0 && section ? sections.length - 1 : null,
      kind: classifyKind(text),
      hedged: hedges.length > 0,
      hedges,
      citesStudy: detectStudyCitation(text).citesStudy,
    });
    sources.push(oneLine(row.source ?? '') || null);
  }
  if (claims.length === 0)
    return { ok: false, error: 'The CSV has a "claim" column, but every claim in it is empty.' };
  const body = lines.join('\n');
  for (const claim of claims) Object.assign(claim, quoteContext(body, claim.start, claim.end));
  return { ok: true, extraction: { body, title: null, sections, claims, sources } };
}

// A claim is one line of the body, so line breaks inside a cell become spaces.
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
