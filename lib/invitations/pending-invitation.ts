import type { Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { ProjectRole } from '@/lib/projects/project-access';
import { invitationTokenHash } from './invitation-token';

export type ClosedInvitation = 'unknown' | 'expired' | 'revoked' | 'accepted';

/** What the invitation page says for a link that can no longer be used, and what to do instead. */
export const CLOSED_INVITATION: Record<ClosedInvitation, { title: string; message: string }> = {
  unknown: {
    title: 'This invitation link is not valid',
    message: 'Check that the whole link was copied, or ask the project lead for a new one.',
  },
  expired: {
    title: 'This invitation has expired',
    message: 'Invitation links last a limited time. Ask the project lead to invite you again.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    message: 'The project lead withdrew it, or sent a newer one. Use the newest link, or ask the lead.',
  },
  accepted: {
    title: 'This invitation has been used',
    message: 'It was accepted already. Sign in to reach the project.',
  },
};

export type InvitationRow = {
  id: string;
  projectId: string;
  projectName: string;
  email: string;
  role: ProjectRole;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
};

export function invitationState(
  row: InvitationRow | undefined,
  now = new Date(),
): ClosedInvitation | 'pending' {
  if (!row) return 'unknown';
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/**
 * The invitation behind a token, locked until the transaction ends so that it is accepted once; refused with
 * what the page would say when it cannot be used.
 */
export async function lockPendingInvitation(tx: Tx, token: string): Promise<InvitationRow> {
  const tokenHash = invitationTokenHash(token);
  const [row] = tokenHash
    ? await tx.$queryRaw<InvitationRow[]>`
        SELECT i.id::text, i."projectId"::text AS "projectId", p.name AS "projectName", i.email, i.role::text AS role,
          i."expiresAt", i."acceptedAt", i."revokedAt"
        FROM "ProjectInvitation" i JOIN "Project" p ON p.id = i."projectId"
        WHERE i."tokenHash" = ${tokenHash}
        FOR UPDATE OF i`
    : [];
  const state = invitationState(row);
  if (state !== 'pending') {
    const { title, message } = CLOSED_INVITATION[state];
    throw new AppError(state === 'unknown' ? 'NOT_FOUND' : 'CONFLICT', `${title}. ${message}`);
  }
  return row as InvitationRow;
}
