import { z } from 'zod';
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { singleLineText } from '@/lib/domain/input-schemas';
import { requireId } from '@/lib/domain/require-id';
import { AppError, fieldErrorsOf } from '@/lib/errors';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/projects/project-access';
import { INVITATION_DAYS, newInvitationToken } from './invitation-token';

export const MemberEmail = singleLineText()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email('Enter an email address like name@example.org.')
      .max(320, 'An email address is at most 320 characters.'),
  );
export const MemberRole = z.enum(PROJECT_ROLES, { error: 'Choose lead, reviewer or viewer.' });

export const NewInvitation = z.object({ email: MemberEmail, role: MemberRole });

/**
 * Invites an email address into a project with a project role. The token comes back once, for the link the lead
 * copies (and the mail, when one is sent); only its hash is kept. A new invitation to the same address replaces
 * any still pending, so only the newest link works.
 */
export async function inviteProjectMember(options: {
  projectId: string;
  email: string;
  role: ProjectRole;
  actorId: string;
}) {
  const projectId = requireId(options.projectId, 'The project');
  const parsed = NewInvitation.safeParse(options);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      'Nobody was invited: check the fields marked.',
      fieldErrorsOf(parsed.error.issues),
    );
  }
  const { email, role } = parsed.data;
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  return transaction(async (tx) => {
    const member = await tx.projectMember.findFirst({
      where: { projectId, user: { email } },
      select: { role: true },
    });
    if (member) {
      const message = `${email} is already a member of this project. Change their role in the list of members.`;
      throw new AppError('CONFLICT', message, { email: message });
    }
    const now = new Date();
    const replaced = await tx.projectInvitation.updateMany({
      where: { projectId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const invitation = await tx.projectInvitation.create({
      data: { projectId, email, role, tokenHash, invitedById: options.actorId, expiresAt },
      select: { id: true, project: { select: { name: true } } },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'project.invitation-created',
      entityType: 'Project',
      entityId: projectId,
      // Never the token: the audit log is no place for a credential.
      after: {
        invitationId: invitation.id,
        email,
        role,
        expiresAt: expiresAt.toISOString(),
        replaced: replaced.count,
      },
    });
    return { id: invitation.id, token, email, role, expiresAt, projectName: invitation.project.name };
  });
}
