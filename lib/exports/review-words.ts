// The review in words, for the exports that carry prose rather than codes (JSON-LD, annotations, PDF) and for
// the summary page, so every format says the same thing the same way.
import type { ClaimStatus } from '@/lib/consensus/claim-status';
import {
  CERTAINTY_LABEL,
  type Certainty,
  EVIDENCE_LEVEL_LABEL,
  type EvidenceLevel,
  GRADE_DOMAIN_LABEL,
  type GradeDomain,
  VERDICT_LABEL,
} from '@/lib/domain/vocabulary';

export const STATUS_WORDS: Record<ClaimStatus, string> = {
  ...VERDICT_LABEL,
  CONFLICT: 'In conflict',
  UNREVIEWED: 'Unreviewed',
};

/** "Oxford CEBM level 2 (randomised trial)"; a claim without an agreed level says so rather than staying silent. */
export function evidenceLevelWords(level: EvidenceLevel | null): string {
  if (level === null) return 'no evidence level agreed';
  if (level === 'NONE') return 'no evidence offered';
  const [, meaning] = EVIDENCE_LEVEL_LABEL[level].split(': ');
  return `Oxford CEBM level ${level.slice(-1)} (${meaning})`;
}

/** "Low (GRADE), downgraded for risk of bias and imprecision"; null when no certainty was rated. */
export function certaintyWords(certainty: Certainty | null, reasons: readonly GradeDomain[]): string | null {
  if (certainty === null) return null;
  const base = `${CERTAINTY_LABEL[certainty]} (GRADE)`;
  if (reasons.length === 0) return base;
  return `${base}, downgraded for ${listWords(reasons.map((r) => GRADE_DOMAIN_LABEL[r].toLowerCase()))}`;
}

function listWords(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
