// Blind review, in one place: what a reader may see of the other reviewers' judgements. Use cases apply these
// rules when they build their result (the workspace, the claim panel, the document list, the summary and its
// exports), so pages and HTTP code never apply them themselves. Admins (who run the review and adjudicate) and
// viewers (who judge nothing) always see everything.
import type { Role } from '@/lib/auth/permissions';
import type { ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';

/**
 * Blind review keeps a reviewer's judgement independent: until they have given their own verdict on a claim,
 * they see neither the other reviewers' assessments nor the consensus or adjudications it led to.
 */
export function canSeeOthers(options: {
  reviewMode: ReviewMode;
  role: Role;
  myVerdict: Verdict | null;
}): boolean {
  return !(options.reviewMode === 'BLIND' && options.role === 'REVIEWER' && options.myVerdict === null);
}

/**
 * The audit actions that tell the outcome of the other reviewers' judgements of a claim, whoever made them: its
 * consensus, and an adjudication. With another reviewer's assessment, they are what a reader kept from others'
 * judgements (canSeeOthers) is not shown in a claim's history, nor told of live.
 */
export const OUTCOME_ACTIONS = ['consensus.changed', 'claim.adjudicated'];

/** Whether an audit event tells this reader of others' judgement of its claim (see OUTCOME_ACTIONS). */
export function revealsOthersJudgement(event: { action: string; actorId: string | null }, readerId: string) {
  return (
    OUTCOME_ACTIONS.includes(event.action) ||
    (event.action.startsWith('assessment.') && event.actorId !== readerId)
  );
}

/**
 * Whether the summary, the exports and the figures drawn from them (the verdict mix, the agreement between
 * reviewers) are closed to this role in this review mode: under blind review they would tell a reviewer what
 * the others decided before they judge for themselves.
 */
export function summaryClosedTo(options: { reviewMode: ReviewMode; role: Role }): boolean {
  return options.reviewMode === 'BLIND' && options.role === 'REVIEWER';
}

/** Refuses a reader to whom the summary is closed (summaryClosedTo), saying when it opens. */
export function assertSummaryOpen(options: { reviewMode: ReviewMode; role: Role }): void {
  if (summaryClosedTo(options)) {
    throw new AppError(
      'FORBIDDEN',
      'This document is under blind review, so its summary opens to reviewers once an admin switches it to open review.',
    );
  }
}
