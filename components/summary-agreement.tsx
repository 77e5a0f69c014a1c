import type { DocumentAgreement } from '@/lib/agreement/agreement';
import { describeAgreement } from '@/lib/agreement/describe-agreement';
import { SectionTitle } from './ui/heading';

/** Kappa on verdicts and on evidence level, each with its Landis & Koch band and the data behind it. */
export function SummaryAgreement({ agreement }: { agreement: DocumentAgreement }) {
  return (
    <section aria-labelledby="summary-agreement" className="break-inside-avoid">
      <SectionTitle id="summary-agreement">Agreement between reviewers</SectionTitle>
      <dl className="mt-2 space-y-2 text-sm">
        {describeAgreement(agreement).map((figure) => (
          <div key={figure.measure} className="rounded border border-slate-200 bg-white p-3">
            <dt className="font-medium">
              {figure.measure}: {figure.statistic}
            </dt>
            <dd>
              {figure.value === null ? (
                <strong className="font-semibold">Not enough data</strong>
              ) : (
                <>
                  <strong className="font-semibold tabular-nums">κ = {figure.value}</strong>,{' '}
                  {figure.label.toLowerCase()} agreement
                </>
              )}
              <p className="mt-0.5 text-slate-700">{figure.detail}</p>
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        Agreement is over every claim of the document, whatever the filter. Bands after Landis &amp; Koch
        (1977): below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above that almost
        perfect.
      </p>
    </section>
  );
}
