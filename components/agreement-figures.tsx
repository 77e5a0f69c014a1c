import type { DocumentAgreement } from '@/lib/agreement/agreement';
import { describeAgreement } from '@/lib/agreement/describe-agreement';

/**
 * The workspace's one-line-each agreement: kappa on verdict and on evidence level with the Landis & Koch band.
 * Without enough data it says so in three words, and why to a pointer's hover and a screen reader: the summary
 * shows the reason in full, and a sentence here would push the claim list down the screen.
 */
export function AgreementFigures({ agreement }: { agreement: DocumentAgreement }) {
  return (
    <dl aria-label="Agreement between reviewers" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {describeAgreement(agreement).map((figure) => (
        <div key={figure.measure} className="flex gap-1.5">
          <dt className="text-slate-700">Agreement on {figure.measure.toLowerCase()}:</dt>
          <dd title={figure.detail}>
            {figure.value === null ? (
              <span className="text-slate-700">
                <span aria-hidden="true">Not enough data</span>
                <span className="sr-only">{figure.detail}</span>
              </span>
            ) : (
              <>
                {figure.statistic} κ = <strong className="tabular-nums">{figure.value}</strong> (
                {figure.label.toLowerCase()})
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
