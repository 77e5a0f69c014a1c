import { writeAuditEvent } from '@/lib/audit/audit-event';
import { findLiveClaim } from '@/lib/claim-edits/live-claim';
import { type Tx, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { COMMENT_MAX_LENGTH } from '@/lib/domain/vocabulary';
import { AppError, notFound } from '@/lib/errors';
import type { PanelComment } from '@/lib/workspace/claim-panel-types';
import { COMMENT_ITEM, toCommentItem } from '@/lib/workspace/panel-items';

export type AddCommentOptions = {
  claimId: string;
  authorId: string;
  body: string;
  /** The comment being replied to, if any. */
  parentId?: string | null;
};

/** Adds a reviewer's plain-text comment to a claim, or a reply to one of its comments. */
export async function addComment(options: AddCommentOptions): Promise<PanelComment> {
  const body = options.body.trim();
  if (!body) throw new AppError('VALIDATION', 'Write a comment first.', { body: 'Write a comment first.' });
  if (body.length > COMMENT_MAX_LENGTH) {
    const message = `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}.`;
    throw new AppError('VALIDATION', message, { body: message });
  }
  return transaction(async (tx) => {
    const claim = await findLiveClaim(tx, options.claimId);
    const parentId = options.parentId ? await threadRoot(tx, options.parentId, claim.id) : null;
    const comment = await tx.comment.create({
      data: { claimId: claim.id, authorId: options.authorId, body, parentId },
      select: COMMENT_ITEM,
    });
    await writeAuditEvent(tx, {
      actorId: options.authorId,
      action: 'comment.added',
      entityType: 'Comment',
      entityId: comment.id,
      documentId: claim.documentId,
      claimId: claim.id,
      after: { body, parentId },
    });
    return toCommentItem(comment);
  });
}

/**
 * The comment a reply belongs under. Threads are one level deep, so that the panel reads as a list of
 * discussions: a reply to a reply joins its thread's first comment.
 */
async function threadRoot(tx: Tx, parentId: string, claimId: string) {
  requireId(parentId, 'The comment you replied to');
  const parent = await tx.comment.findFirst({
    where: { id: parentId, deletedAt: null },
    select: { id: true, claimId: true, parentId: true },
  });
  if (!parent) throw notFound('The comment you replied to');
  if (parent.claimId !== claimId) {
    const message = 'You can only reply to a comment on the same claim.';
    throw new AppError('VALIDATION', message, { parentId: message });
  }
  return parent.parentId ?? parent.id;
}
