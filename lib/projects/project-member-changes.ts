import { writeAuditEvent } from '@/lib/audit/audit-event';
import type { Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { ProjectRole } from './project-access';

// What the changes to a project's members share, inside the caller's transaction.

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

/** lockProjectLeads for a change to someone who must be a member already: anyone else is refused as not found. */
export async function lockMember(
  tx: Tx,
  projectId: string,
  userId: string,
): Promise<LockedLeads & { member: LockedMember }> {
  const { member, leads } = await lockProjectLeads(tx, projectId, userId);
  if (!member) {
    throw new AppError(
      'NOT_FOUND',
      'That person is not a member of this project (any more). Reload the page.',
    );
  }
  return { member, leads };
}

type MemberFields = { role: ProjectRole; mayAdjudicate: boolean };

/** Sets one of a member's fields and writes the audit event that records it, naming the member in both states. */
export async function updateMember<F extends keyof MemberFields>(
  tx: Tx,
  change: { projectId: string; userId: string; actorId: string; action: string },
  field: F,
  before: MemberFields[F],
  after: MemberFields[F],
) {
  const { projectId, userId } = change;
  await tx.projectMember.update({
    where: { projectId_userId: { projectId, userId } },
    data: { [field]: after },
  });
  await writeAuditEvent(tx, {
    actorId: change.actorId,
    action: change.action,
    entityType: 'Project',
    entityId: projectId,
    before: { userId, [field]: before },
    after: { userId, [field]: after },
  });
}
