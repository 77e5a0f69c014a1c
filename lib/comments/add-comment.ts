import { writeAuditEvent } from '@/lib/audit/audit-event';
import { findLiveClaim } from '@/lib/claim-edits/live-claim';
import { prisma } from '@/lib/db/prisma';
import { COMMENT_MAX_LENGTH } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';

/** Adds a reviewer's plain-text comment to a claim. */
export async function addComment(options: { claimId: string; authorId: string; body: string }) {
  const body = options.body.trim();
  if (!body) throw new AppError('VALIDATION', 'Write a comment first.', { body: 'Write a comment first.' });
  if (body.length > COMMENT_MAX_LENGTH) {
    const message = `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}.`;
    throw new AppError('VALIDATION', message, { body: message });
  }
  return prisma.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, options.claimId);
    const comment = await tx.comment.create({
      data: { claimId: options.claimId, authorId: options.authorId, body },
      select: { id: true, body: true, createdAt: true },
    });
    await writeAuditEvent(tx, {
      actorId: options.authorId,
      action: 'comment.added',
      entityType: 'Comment',
      entityId: comment.id,
      documentId: claim.documentId,
      claimId: options.claimId,
      after: { body },
    });
    return comment;
  });
}
