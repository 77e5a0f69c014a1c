import type { Role } from '@/lib/auth/permissions';
import type { ReviewMode, Verdict } from '@/lib/domain/vocabulary';

/**
 * Blind review keeps a reviewer's judgement independent: until they have given their own verdict on a claim,
 * they see neither the other reviewers' assessments nor the consensus or adjudications it led to. Admins
 * (who adjudicate) and viewers (who judge nothing) always see everything.
 */
export function canSeeOthers(options: {
  reviewMode: ReviewMode;
  role: Role;
  myVerdict: Verdict | null;
}): boolean {
  return !(options.reviewMode === 'BLIND' && options.role === 'REVIEWER' && options.myVerdict === null);
}
