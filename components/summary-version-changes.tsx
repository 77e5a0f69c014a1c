import type { ReactNode } from 'react';
import type { ReviewHeader } from '@/lib/exports/review-types';
import {
  NO_CHANGE_WORDS,
  orphanConsensusWords,
  versionChangeCounts,
  versionChangesTitle,
} from '@/lib/exports/version-change-words';
import { PART_TITLE, SectionTitle } from './ui/heading';

/**
 * "Changes since version n", as the Markdown and the PDF have it: the counts, the changed claims (the quote as
 * assessed, then the new one), the orphaned ones with their consensus as it was, the new ones; and the way to
 * the earlier versions, each readable with its review as it was. Nothing for version 1.
 */
export function SummaryVersionChanges({ header }: { header: ReviewHeader }) {
  const { changes, id } = header.document;
  const list = header.changeList;
  if (!changes || !list) return null;
  return (
    <section aria-labelledby="summary-version-changes" className="space-y-3">
      <SectionTitle id="summary-version-changes">{versionChangesTitle(changes)}</SectionTitle>
      <dl className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {versionChangeCounts(changes).map(({ label, count }) => (
          <div key={label} className="rounded border border-slate-200 bg-white p-2">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{count.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      <ChangeList title="Changed claims" empty={NO_CHANGE_WORDS.changed}>
        {list.changed.map((c) => (
          <li key={c.number}>
            <ClaimNumber number={c.number} />
            <del className="text-slate-700">{c.before}</del>
            <span aria-hidden="true"> → </span>
            <span className="sr-only">, now: </span>
            <ins className="no-underline">{c.after}</ins>
          </li>
        ))}
      </ChangeList>
      <ChangeList title="Orphaned claims" empty={NO_CHANGE_WORDS.orphaned}>
        {list.orphaned.map((c) => (
          <li key={c.number}>
            <ClaimNumber number={c.number} />“{c.quote}”{' '}
            <span className="text-slate-700">(consensus as it was: {orphanConsensusWords(c)})</span>
          </li>
        ))}
      </ChangeList>
      <ChangeList title="New claims" empty={NO_CHANGE_WORDS.added}>
        {list.added.map((c) => (
          <li key={c.number}>
            <ClaimNumber number={c.number} />“{c.quote}”
          </li>
        ))}
      </ChangeList>
      <p className="text-sm print:hidden">
        <a href={`/documents/${id}/versions`} className="text-sky-800 underline underline-offset-2">
          Earlier versions, with their review as it was
        </a>
      </p>
    </section>
  );
}

function ChangeList({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  return (
    <div>
      <h3 className={PART_TITLE}>
        {title} <span className="font-normal text-slate-600">({children.length.toLocaleString('en')})</span>
      </h3>
      {children.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-1 break-words text-sm">{children}</ul>
      )}
    </div>
  );
}

function ClaimNumber({ number }: { number: number }) {
  return <span className="mr-1 font-medium tabular-nums">Claim {number}:</span>;
}
