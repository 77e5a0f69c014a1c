import { prisma } from '@/lib/db/prisma';
import type { ProjectRole } from '@/lib/projects/project-access';
import { invitationTokenHash } from './invitation-token';
import { type ClosedInvitation, invitationState } from './pending-invitation';

export type InvitationView =
  | { state: ClosedInvitation }
  | {
      state: 'pending';
      projectId: string;
      projectName: string;
      email: string;
      role: ProjectRole;
      expiresAt: Date;
      inviterName: string;
      /** Someone already has an account with the invited address: they sign in and accept, not sign up. */
      accountExists: boolean;
    };

/**
 * What the public invitation page shows for a token. Only a pending invitation says more than its state: the
 * holder of a used, withdrawn or expired link learns nothing about the project.
 */
export async function loadInvitation(token: string): Promise<InvitationView> {
  const tokenHash = invitationTokenHash(token);
  if (!tokenHash) return { state: 'unknown' };
  const row = await prisma.projectInvitation.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      projectId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      project: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row) return { state: 'unknown' };
  const state = invitationState({ ...row, projectName: row.project.name });
  if (state !== 'pending') return { state };
  const account = await prisma.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    state,
    projectId: row.projectId,
    projectName: row.project.name,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    inviterName: row.invitedBy.name,
    accountExists: account !== null,
  };
}
