import { citationReference } from '@/lib/citations/citation-words';
import {
  CERTAINTY_LABEL,
  CITATION_RELATION_LABEL,
  EVIDENCE_LEVEL_LABEL,
  EVIDENCE_LEVEL_SHORT,
  GRADE_DOMAIN_LABEL,
  VERDICT_LABEL,
} from '@/lib/domain/vocabulary';
import type { ReviewClaimRow } from '@/lib/exports/review-types';
import { evidenceLevelCell } from '@/lib/exports/review-words';
import { groupBySection } from '@/lib/summary/summary-page';
import { StatusBadge } from './status-badge';

const COLUMNS = [
  '#',
  'Claim',
  'Verdict',
  'Evidence level',
  'Certainty',
  'Rationale',
  'Citations',
  'Open threads',
];
// Percentages, so the table fits the page whatever its width, on screen and on A4 or Letter paper.
const WIDTHS = ['w-[6%]', 'w-[22%]', 'w-[12%]', 'w-[8%]', 'w-[11%]', 'w-[20%]', 'w-[12%]', 'w-[9%]'];
// Below the `cards` width (a phone or a tablet held upright) each row is a card: the claim on top, then one
// labelled line per column. The markup stays one table, so a screen reader still has its rows and headers.
const CELL =
  'border-b border-slate-200 px-2 py-2 align-top cards:flex cards:gap-3 cards:border-0 cards:px-0 cards:py-0.5';

/**
 * Every claim shown, in document order, with its consensus and the evidence for it. Claims sit under their
 * section, as in the document, instead of repeating the section on every row, which leaves the text columns
 * room on paper. The header row repeats on each printed page and a claim is never split between pages.
 */
export function SummaryClaimsTable({ documentId, rows }: { documentId: string; rows: ReviewClaimRow[] }) {
  return (
    <table className="w-full table-fixed border-collapse text-sm cards:block">
      <caption className="sr-only">
        Claims in document order, by section, with their consensus and evidence
      </caption>
      <colgroup className="cards:hidden">
        {WIDTHS.map((width) => (
          <col key={width} className={width} />
        ))}
      </colgroup>
      <thead className="table-header-group border-b-2 border-slate-300 bg-slate-100 cards:sr-only">
        <tr>
          {COLUMNS.map((label) => (
            <th key={label} scope="col" className="px-2 py-1.5 text-left align-bottom font-medium">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      {groupBySection(rows).map((group) => (
        // A word wider than its column (a URL, a DOI) breaks rather than spilling into the next one.
        <tbody key={group.rows[0]?.id} className="break-words cards:block">
          <tr className="break-after-avoid cards:block">
            <td
              colSpan={COLUMNS.length}
              className="bg-slate-50 px-2 pb-1 pt-3 font-semibold cards:block cards:bg-transparent cards:px-0 cards:pt-4"
            >
              {group.section}
            </td>
          </tr>
          {group.rows.map((row) => (
            <ClaimRow key={row.id} documentId={documentId} row={row} />
          ))}
        </tbody>
      ))}
    </table>
  );
}

/** A cell's column name, shown beside its value only when the row is a card (the header row says it otherwise). */
function CardLabel({ column }: { column: string }) {
  return (
    <span aria-hidden="true" className="hidden w-28 shrink-0 text-xs leading-5 text-slate-600 cards:block">
      {column}
    </span>
  );
}

function ClaimRow({ documentId, row }: { documentId: string; row: ReviewClaimRow }) {
  const level = row.consensus.evidenceLevel;
  return (
    <tr className="break-inside-avoid cards:mb-2 cards:flex cards:flex-wrap cards:gap-x-2 cards:rounded cards:border cards:border-slate-200 cards:bg-white cards:p-3">
      <td className={`${CELL} tabular-nums cards:pr-1`}>
        <a
          href={`/documents/${documentId}?claim=${row.id}`}
          className="text-sky-800 underline underline-offset-2 pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:min-w-11 pointer-coarse:items-start"
        >
          <span className="sr-only">Claim </span>
          {row.number}
        </a>
      </td>
      <th
        scope="row"
        className={`${CELL} text-left font-normal cards:min-w-0 cards:flex-1 cards:font-medium`}
      >
        {row.text}
        {row.citesStudy && <span className="block text-xs text-slate-700">Cites a study</span>}
      </th>
      <td className={`${CELL} cards:basis-full`}>
        <CardLabel column="Verdict" />
        <div className="min-w-0">
          <StatusBadge status={row.status} progress={row.progress} />
          <VerdictNotes row={row} />
        </div>
      </td>
      <td className={`${CELL} cards:basis-full`}>
        <CardLabel column="Evidence level" />
        {level ? (
          <abbr title={EVIDENCE_LEVEL_LABEL[level]} className="whitespace-nowrap no-underline">
            {EVIDENCE_LEVEL_SHORT[level]}
          </abbr>
        ) : (
          <span className="text-slate-600">{evidenceLevelCell(row.status, null)}</span>
        )}
      </td>
      <td className={`${CELL} cards:basis-full`}>
        <CardLabel column="Certainty" />
        {row.certainty ? (
          <div className="min-w-0">
            {CERTAINTY_LABEL[row.certainty]}
            {row.downgradeReasons.length > 0 && (
              <p className="text-xs text-slate-700">
                Downgraded for{' '}
                {row.downgradeReasons.map((r) => GRADE_DOMAIN_LABEL[r].toLowerCase()).join(', ')}
              </p>
            )}
          </div>
        ) : (
          <span className="text-slate-600">Not rated</span>
        )}
      </td>
      <td className={`${CELL} cards:basis-full ${row.rationale ? '' : 'cards:hidden'}`}>
        <CardLabel column="Rationale" />
        <div className="min-w-0 whitespace-pre-line">{row.rationale}</div>
      </td>
      <td className={`${CELL} cards:basis-full ${row.citations.length > 0 ? '' : 'cards:hidden'}`}>
        <CardLabel column="Citations" />
        {row.citations.length > 0 && (
          <ul className="min-w-0 space-y-1">
            {row.citations.map((c) => (
              <li key={`${c.kind}:${c.identifier}`}>
                <a href={c.url} className="text-sky-800 underline underline-offset-2">
                  {c.kind} {c.identifier}
                </a>{' '}
                <span className="text-xs text-slate-700">
                  ({CITATION_RELATION_LABEL[c.relation].toLowerCase()})
                </span>
                <CitationReference citation={c} />
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className={`${CELL} tabular-nums cards:basis-full`}>
        <CardLabel column="Open threads" />
        {row.openComments}
      </td>
    </tr>
  );
}

// What PubMed or Crossref says the source is, once looked up; until then the title as typed.
function CitationReference({ citation }: { citation: ReviewClaimRow['citations'][number] }) {
  const text = citationReference(citation) ?? citation.title;
  return text ? <span className="block text-xs text-slate-700">{text}</span> : null;
}

// A conflict has no verdict of its own, so the reviewers' verdicts are what the reader needs; an adjudicated
// verdict says so, because it was decided rather than agreed.
function VerdictNotes({ row }: { row: ReviewClaimRow }) {
  if (row.status === 'CONFLICT') {
    return (
      <ul className="mt-1 text-xs text-slate-700">
        {row.assessments.flatMap((a) =>
          a.verdict ? [<li key={a.reviewerId}>{`${a.reviewer}: ${VERDICT_LABEL[a.verdict]}`}</li>] : [],
        )}
      </ul>
    );
  }
  if (row.consensus.adjudicated) return <p className="mt-1 text-xs text-slate-700">Adjudicated</p>;
  return null;
}
