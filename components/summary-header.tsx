import type { ReactNode } from 'react';
import type { ReviewHeader } from '@/lib/exports/review-types';
import {
  consensusRuleWords,
  filterWords,
  reviewModeWords,
  reviewPeriodWords,
  timestampWords,
  versionWords,
} from '@/lib/summary/header-words';
import { PAGE_TITLE } from './ui/heading';
import { VersionsLink } from './versions-link';

/** The report's title block: what was reviewed, by whom, when, and which claims this view shows. */
export function SummaryHeader({
  header,
  project,
}: {
  header: ReviewHeader;
  /** The project the document belongs to, linked back to; the printed report leaves the link out. */
  project: { id: string; name: string };
}) {
  const { document } = header;
  const facts: Array<[string, ReactNode]> = [
    [
      'Source',
      document.sourceUrl ? (
        <a
          key="source"
          href={document.sourceUrl}
          className="break-all text-sky-800 underline underline-offset-2"
        >
          {document.sourceUrl}
        </a>
      ) : (
        'No source URL recorded'
      ),
    ],
    ['Author', document.author ?? 'Not recorded'],
    ['Published', document.publishedOn ?? 'Not recorded'],
    [
      'Version',
      <>
        {versionWords(document)}
        {document.version > 1 && (
          <span className="print:hidden">
            <VersionsLink documentId={document.id} />
          </span>
        )}
      </>,
    ],
    ['Reviewers', header.reviewers.map((r) => r.name).join(', ') || 'Nobody has assessed a claim yet'],
    ['Review period', reviewPeriodWords(header.reviewPeriod)],
    ['Review mode', reviewModeWords(document.reviewMode)],
    ['Consensus rule', consensusRuleWords(header.reviewersRequired)],
    ['Claims shown', filterWords(header.filter, header.sections)],
    ['Report made', timestampWords(header.exportedAt)],
  ];
  return (
    <header className="border-b border-slate-200 pb-4">
      <nav aria-label="Breadcrumb" className="mb-1 text-sm print:hidden">
        <a href={`/projects/${project.id}`} className="break-words text-sky-800 underline underline-offset-2">
          {project.name}
        </a>
      </nav>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">Review summary</p>
      <h1 className={`mt-1 break-words ${PAGE_TITLE}`}>{document.title}</h1>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="min-w-0">{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
