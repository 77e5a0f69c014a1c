import { CLAIM_STATUSES } from '@/lib/consensus/consensus';
import type { ReviewHeader } from '@/lib/exports/review-types';
import { StatusMixBar } from './status-mix-bar';
import { STATUS_STYLE } from './status-style';
import { SectionTitle } from './ui/heading';

/** How many of the claims shown have each status, unreviewed and in conflict included. */
export function SummaryCounts({ counts }: { counts: ReviewHeader['counts'] }) {
  return (
    <section aria-labelledby="summary-counts" className="break-inside-avoid">
      <SectionTitle id="summary-counts">Counts</SectionTitle>
      <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-7">
        {CLAIM_STATUSES.map((status) => (
          <div key={status} className="rounded border border-slate-200 bg-white p-2">
            <dt className="text-sm text-slate-700">
              <span aria-hidden="true" className="mr-1">
                {STATUS_STYLE[status].symbol}
              </span>
              {STATUS_STYLE[status].label}
            </dt>
            <dd className="text-2xl font-semibold tabular-nums">{counts[status].toLocaleString('en')}</dd>
          </div>
        ))}
        <div className="rounded border border-slate-300 bg-slate-100 p-2">
          <dt className="text-sm text-slate-700">Total</dt>
          <dd className="text-2xl font-semibold tabular-nums">{counts.total.toLocaleString('en')}</dd>
        </div>
      </dl>
      <div className="mt-3 max-w-2xl">
        <StatusMixBar counts={counts} total={counts.total} />
      </div>
    </section>
  );
}
