import type { ChangeNotice } from './change-for-reader';

// What the workspace says when another reviewer changes something: "Rob Reviewer commented on claim #12."
const VERBS: Record<string, string> = {
  'assessment.created': 'assessed',
  'assessment.updated': 'changed their assessment of',
  'comment.added': 'commented on',
  'comment.resolved': 'resolved a thread on',
  'comment.reopened': 'reopened a thread on',
  'citation.added': 'cited a source for',
  'citation.removed': 'removed a source from',
  'claim.created': 'added',
  'claim.edited': 'edited',
  'claim.split': 'split',
  'claim.merged': 'merged',
  'claim.deleted': 'deleted',
  'claim.adjudicated': 'adjudicated',
};

/**
 * The sentence for a change, or null for one the reader made (another tab of theirs) or one that follows another
 * already told (a consensus that changed with an assessment).
 */
export function describeChange(change: ChangeNotice): string | null {
  if (change.mine) return null;
  const who = change.actorName ?? 'Someone';
  if (change.action === 'document.review-mode-changed') return `${who} changed the review mode.`;
  const verb = VERBS[change.action];
  if (!verb) return null;
  const claim = change.claimNumber === null ? 'a claim' : `claim #${change.claimNumber}`;
  return `${who} ${verb} ${claim}.`;
}
