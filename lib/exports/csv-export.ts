import { citationReference } from '@/lib/citations/citation-words';
import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { textChunks } from './text-chunks';

// A byte order mark is the only way Excel recognises a CSV as UTF-8 rather than the machine's legacy code page,
// which would garble curly quotes, Greek letters and every non-Latin script. LibreOffice, Numbers, csv-parse
// (with `bom: true`) and pandas all accept it, so it costs the other readers nothing.
const BOM = '\uFEFF';

const COLUMNS = [
  'claim id',
  'number',
  'section',
  'text',
  'quote',
  'start',
  'end',
  'kind',
  'hedged',
  'status',
  // "1 of 2" while the claim is IN_REVIEW: reviewers who gave a verdict, of those the project requires.
  'in review',
  'consensus verdict',
  'evidence level',
  'certainty',
  'downgrade reasons',
  'rationale',
  'citations',
  'open threads',
  'adjudicated',
  'cites a study',
];

/**
 * The review as CSV, one row per claim, with each reviewer's verdict in a column of its own. Values are the
 * stable codes of the JSON export (SUPPORTED, LEVEL_2, RISK_OF_BIAS…), so a spreadsheet filter and a script
 * read the same thing; lists within a cell (reasons, citations) are one item a line.
 */
export async function* csvExport(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<string> {
  const reviewerColumns = reviewerColumnNames(header.reviewers);
  yield BOM + csvRecord([...COLUMNS, ...reviewerColumns].map(neutraliseFormula));
  for await (const batch of batches) {
    yield* textChunks(
      batch.map((claim) =>
        csvRecord([...claimCells(claim), ...reviewerCells(claim, header.reviewers)].map(neutraliseFormula)),
      ),
    );
  }
}

function claimCells(claim: ReviewClaimRow): string[] {
  return [
    claim.id,
    String(claim.number),
    claim.section,
    claim.text,
    claim.quote,
    String(claim.start),
    String(claim.end),
    claim.kind,
    String(claim.hedged),
    claim.status,
    claim.progress ? `${claim.progress.assessed} of ${claim.progress.required}` : '',
    claim.consensus.verdict ?? '',
    claim.consensus.evidenceLevel ?? '',
    claim.certainty ?? '',
    claim.downgradeReasons.join('\n'),
    claim.rationale ?? '',
    claim.citations.map(citationItem).join('\n'),
    String(claim.openComments),
    String(claim.consensus.adjudicated),
    String(claim.citesStudy),
  ];
}

// A looked-up source is given as a reference after the link; until then, the title as typed.
function citationItem(citation: ReviewClaimRow['citations'][number]): string {
  const reference = citationReference(citation);
  if (reference) return `${citation.relation} ${citation.url} — ${reference}`;
  return `${citation.relation} ${citation.url}${citation.title ? ` (${citation.title})` : ''}`;
}

function reviewerCells(claim: ReviewClaimRow, reviewers: ReviewHeader['reviewers']): string[] {
  const verdicts = new Map(claim.assessments.map((a) => [a.reviewerId, a.verdict]));
  return reviewers.map((r) => verdicts.get(r.id) ?? '');
}

// Two reviewers may share a name; a column name that repeated would make a spreadsheet lookup pick one of them.
function reviewerColumnNames(reviewers: ReviewHeader['reviewers']): string[] {
  const seen = new Map<string, number>();
  for (const r of reviewers) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
  return reviewers.map((r) =>
    (seen.get(r.name) ?? 0) > 1 ? `verdict: ${r.name} (${r.id.slice(-8)})` : `verdict: ${r.name}`,
  );
}

// RFC 4180: fields separated by commas, records ended by CRLF, and a field with a comma, a quote or a line break
// in double quotes, its quotes doubled. Written here rather than with csv-stringify: its per-field option
// handling allocated about 20 times the size of the CSV it wrote (130 MB for a 5.6 MB export of 10,000 claims),
// and that garbage was most of the export's memory peak and a third of its CPU. tests/unit/exports parses the
// output with csv-parse, a real CSV parser, and round-trips every field.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record, CRLF-terminated, from cells that are already strings. */
export function csvRecord(cells: readonly string[]): string {
  let record = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (i > 0) record += ',';
    record += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${record}\r\n`;
}

// A spreadsheet runs a cell that begins with one of these as a formula (OWASP "CSV injection"). Tab and carriage
// return count because some spreadsheets skip them and read the formula behind; the full-width forms because
// Apple Numbers folds them to the ASCII ones. We neutralise in the app rather than through a CSV library's
// option: papaparse's escapeFormulae misses cells that contain a newline (see TOOLCHAIN.md), and one rule of
// our own is easier to test than two libraries' defaults.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell value that a spreadsheet shows as text. A leading apostrophe is the spreadsheet convention for "this is
 * text"; other tools show it, which is the price of opening safely in Excel and LibreOffice.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
