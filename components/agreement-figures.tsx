import type { DocumentAgreement } from '@/lib/agreement/document-agreement';

const METHOD_LABEL = {
  'cohens-kappa': 'Cohen’s κ',
  'fleiss-kappa': 'Fleiss’ κ',
  'weighted-kappa': 'weighted κ (linear)',
  'mean-pairwise-weighted-kappa': 'mean pairwise weighted κ (linear)',
} as const;

const REASON_TEXT: Record<string, string> = {
  TOO_FEW_REVIEWERS: 'needs two or more reviewers',
  NO_ITEMS: 'no claim rated by every reviewer yet',
  SINGLE_CATEGORY: 'undefined: every rating is the same',
};

/** Inter-rater agreement on verdict and on evidence level, with the Landis & Koch label. */
export function AgreementFigures({ agreement }: { agreement: DocumentAgreement }) {
  const rows = [
    { what: 'Verdict', a: agreement.verdict },
    { what: 'Evidence level', a: agreement.evidenceLevel },
  ];
  return (
    <dl aria-label="Agreement between reviewers" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {rows.map(({ what, a }) => (
        <div key={what} className="flex gap-1.5">
          <dt className="text-slate-700">Agreement on {what.toLowerCase()}:</dt>
          <dd>
            {a.kappa === null || a.method === null ? (
              <span className="text-slate-700">{REASON_TEXT[a.reason ?? ''] ?? 'not enough data'}</span>
            ) : (
              <>
                {METHOD_LABEL[a.method]} = <strong className="tabular-nums">{a.kappa.toFixed(2)}</strong> (
                {a.label.toLowerCase()}
                ), {a.reviewers} reviewers, {a.claimsUsed} claims
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
