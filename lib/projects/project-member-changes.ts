import type { Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { ProjectRole } from './project-access';

type LockedMember = { userId: string; name: string; role: ProjectRole };
export type LockedLeads = { member: LockedMember | null; leads: number };

/**
 * Locks a member's row and every lead's row of the project until the transaction ends, so a check on the number
 * of leads still holds at commit. The rows are locked in one statement in user-id order, so two leads demoting or
 * removing each other at once wait for one another instead of deadlocking, and the one that waits re-reads the
 * rows and sees the first change.
 */
export async function lockProjectLeads(tx: Tx, projectId: string, userId: string): Promise<LockedLeads> {
  const rows = await tx.$queryRaw<LockedMember[]>`
    SELECT m."userId"::text AS "userId", u.name, m.role::text AS role
    FROM "ProjectMember" m JOIN "User" u ON u.id = m."userId"
    WHERE m."projectId" = ${projectId}::uuid AND (m.role = 'LEAD' OR m."userId" = ${userId}::uuid)
    ORDER BY m."userId"
    FOR UPDATE OF m`;
  return {
    member: rows.find((r) => r.userId === userId) ?? null,
    leads: rows.filter((r) => r.role === 'LEAD').length,
  };
}

/** Refuses a change that would leave the project with nobody to manage it. */
export function refuseLastLead(locked: LockedLeads, consequence: string) {
  const { member, leads } = locked;
  if (member?.role === 'LEAD' && leads <= 1) {
    throw new AppError(
      'CONFLICT',
      `${member.name} is the project's only lead, so ${consequence}. Make another member a lead first.`,
    );
  }
}

/** A member named by a change who is not (or no longer) in the project. */
export const notAMember = () =>
  new AppError('NOT_FOUND', 'That person is not a member of this project (any more). Reload the page.');
