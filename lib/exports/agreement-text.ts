import type { DocumentAgreement } from '@/lib/agreement/document-agreement';

const METHOD: Record<string, string> = {
  'cohens-kappa': "Cohen's kappa",
  'fleiss-kappa': "Fleiss' kappa",
  'weighted-kappa': 'weighted kappa',
  'mean-pairwise-weighted-kappa': 'mean pairwise weighted kappa',
};

const UNDEFINED_BECAUSE = {
  TOO_FEW_REVIEWERS: 'it needs at least two reviewers',
  NO_ITEMS: 'no claim was rated by every reviewer',
  SINGLE_CATEGORY: 'every rating fell in the same category, so chance agreement cannot be told apart',
} as const;

type Figure = DocumentAgreement['verdict'] | DocumentAgreement['evidenceLevel'];

/** One agreement figure in words, as the summary reports it: kappa to two decimals, its band and its basis. */
export function agreementText(figure: Figure): string {
  const basis = `${figure.reviewers} ${figure.reviewers === 1 ? 'reviewer' : 'reviewers'}, ${figure.claimsUsed} ${
    figure.claimsUsed === 1 ? 'claim' : 'claims'
  } rated by all of them`;
  const weights = 'weights' in figure && figure.method ? ` (${figure.weights} weights)` : '';
  if (figure.kappa === null) {
    const reason = figure.reason ? UNDEFINED_BECAUSE[figure.reason] : 'there is not enough data';
    return `not enough data: ${reason} (${basis})`;
  }
  const method = figure.method ? METHOD[figure.method] : 'kappa';
  return `${method}${weights} ${figure.kappa.toFixed(2)}, ${figure.label.toLowerCase()} (${basis})`;
}
