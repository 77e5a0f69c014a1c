import type { Role } from '@/lib/auth/permissions';
import type { ReviewMode } from '@/lib/domain/vocabulary';

/**
 * Whether the summary and the exports are closed to this role in this review mode: under blind review they would
 * tell a reviewer what the others decided. assertMayReadSummary enforces it; pages use it to hide the links and
 * the figures that would tell the same.
 */
export function summaryClosedTo(options: { reviewMode: ReviewMode; role: Role }): boolean {
  return options.reviewMode === 'BLIND' && options.role === 'REVIEWER';
}
