import { csvRecord } from './csv-record';
import { neutraliseFormula } from './neutralise-formula';
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
  'consensus verdict',
  'evidence level',
  'certainty',
  'downgrade reasons',
  'rationale',
  'citations',
  'open comments',
  'adjudicated',
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
    claim.section ?? '',
    claim.text,
    claim.quote,
    String(claim.start),
    String(claim.end),
    claim.kind,
    String(claim.hedged),
    claim.status,
    claim.consensus.verdict ?? '',
    claim.consensus.evidenceLevel ?? '',
    claim.certainty ?? '',
    claim.downgradeReasons.join('\n'),
    claim.rationale ?? '',
    claim.citations.map((c) => `${c.relation} ${c.url}${c.title ? ` (${c.title})` : ''}`).join('\n'),
    String(claim.openComments),
    String(claim.consensus.adjudicated),
  ];
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
