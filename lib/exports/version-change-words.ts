// The "changes since version n" section in words, shared by the Markdown, the PDF and the summary page so that
// each names the same claims the same way.
import {
  EVIDENCE_LEVEL_SHORT,
  type EvidenceLevel,
  VERDICT_LABEL,
  type Verdict,
} from '@/lib/domain/vocabulary';
import type { VersionChanges } from './review-types';

/** "Changes since version 1" */
export function versionChangesTitle(changes: Pick<VersionChanges, 'since'>): string {
  return `Changes since version ${changes.since}`;
}

/** The five counts in the order a reader meets them: what stayed, what moved, what changed, lost and new. */
export function versionChangeCounts(changes: VersionChanges): Array<{ label: string; count: number }> {
  return [
    { label: 'Kept', count: changes.kept },
    { label: 'Moved', count: changes.moved },
    { label: 'Changed', count: changes.changed },
    { label: 'Orphaned', count: changes.orphaned },
    { label: 'Added', count: changes.added },
  ];
}

/**
 * An orphaned claim's consensus as it was when it was set apart, "Supported, CEBM 2", or why there is none: the
 * orphan keeps its review, so a reader can tell what the lost sentence had been judged.
 */
export function orphanConsensusWords(orphan: {
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
}) {
  if (!orphan.verdict) return 'no consensus';
  return orphan.evidenceLevel
    ? `${VERDICT_LABEL[orphan.verdict]}, ${EVIDENCE_LEVEL_SHORT[orphan.evidenceLevel]}`
    : VERDICT_LABEL[orphan.verdict];
}

/** What each list says when it is empty, so a section never ends in a bare heading. */
export const NO_CHANGE_WORDS = {
  changed: 'No claim’s words changed.',
  orphaned: 'Every claim was found in the new text.',
  added: 'No new claims.',
} as const;
