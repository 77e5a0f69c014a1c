import { CERTAINTY_LABEL, CITATION_RELATION_LABEL, GRADE_DOMAIN_LABEL } from '@/lib/domain/vocabulary';
import { STATUS_SYMBOL } from '@/lib/summary/status-colours';
import type { ReviewClaimRow } from './review-types';
import { evidenceLevelCell, STATUS_WORDS } from './review-words';

// Widths in points; together they fill an A4 landscape page inside 40 pt margins. The section is not a column:
// claims come in document order, so each section is a heading row above its claims, repeated as
// "continued" at the top of a page, which leaves the text columns wider and the rows shorter.
// "#" fits a five-digit claim number, or a number over "cont." where a claim goes on from the page before.
export const CLAIM_COLUMNS = [
  { label: '#', width: 30 },
  { label: 'Claim', width: 197 },
  { label: 'Verdict', width: 70 },
  { label: 'Evidence level', width: 50 },
  { label: 'Certainty', width: 82 },
  { label: 'Rationale', width: 190 },
  { label: 'Citations', width: 88 },
  { label: 'Open comments', width: 54 },
] as const;

export const NO_SECTION = 'Before the first heading';

/** One claim as the text of each column of the PDF's claims table, in CLAIM_COLUMNS order. */
export function pdfClaimCells(row: ReviewClaimRow): string[] {
  return [
    String(row.number),
    row.text,
    verdictCell(row),
    evidenceLevelCell(row.status, row.consensus.evidenceLevel),
    certaintyCell(row),
    row.rationale ?? '',
    row.citations
      .map((c) => `${c.kind} ${c.identifier} (${CITATION_RELATION_LABEL[c.relation].toLowerCase()})`)
      .join('\n'),
    String(row.openComments),
  ];
}

// A conflict has no verdict to show, so each reviewer's verdict is listed instead: that is what the
// adjudicator has to resolve.
function verdictCell(row: ReviewClaimRow): string {
  const status = `${STATUS_SYMBOL[row.status]} ${STATUS_WORDS[row.status]}`;
  if (row.status === 'CONFLICT') {
    const verdicts = row.assessments.flatMap((a) =>
      a.verdict ? [`${a.reviewer}: ${STATUS_WORDS[a.verdict]}`] : [],
    );
    return [status, ...verdicts].join('\n');
  }
  return row.consensus.adjudicated ? `${status}\n(adjudicated)` : status;
}

function certaintyCell(row: ReviewClaimRow): string {
  if (!row.certainty) return '—';
  if (row.downgradeReasons.length === 0) return CERTAINTY_LABEL[row.certainty];
  return `${CERTAINTY_LABEL[row.certainty]}\nDowngraded: ${row.downgradeReasons
    .map((r) => GRADE_DOMAIN_LABEL[r].toLowerCase())
    .join(', ')}`;
}
