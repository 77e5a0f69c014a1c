import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import type { PanelComment } from '@/lib/workspace/claim-panel-types';
import { COMMENT_ITEM, toCommentItem } from '@/lib/workspace/panel-items';

export type ResolveCommentOptions = {
  commentId: string;
  userId: string;
  /** true resolves the thread, false reopens it. */
  resolved: boolean;
  /** The comment's version the user saw. */
  expectedVersion: number;
};

const LIVE = { deletedAt: null, claim: { deletedAt: null, document: { deletedAt: null } } } as const;

/** Marks a comment thread as resolved, or reopens it, refusing a change based on a stale version. */
export async function resolveComment(options: ResolveCommentOptions): Promise<PanelComment> {
  requireId(options.commentId, 'The comment');
  return transaction(async (tx) => {
    const comment = await tx.comment.findFirst({
      where: { id: options.commentId, ...LIVE },
      select: {
        id: true,
        parentId: true,
        resolvedAt: true,
        resolvedById: true,
        version: true,
        claimId: true,
        claim: { select: { documentId: true } },
      },
    });
    if (!comment) throw notFound('The comment');
    if (comment.parentId) {
      const message = 'Only a whole thread can be resolved: resolve its first comment instead.';
      throw new AppError('VALIDATION', message, { resolved: message });
    }
    if (comment.version !== options.expectedVersion) throw staleComment(await readItem(tx, comment.id));
    if ((comment.resolvedAt !== null) === options.resolved) return readItem(tx, comment.id);

    const resolvedAt = options.resolved ? new Date() : null;
    const resolvedById = options.resolved ? options.userId : null;
    // The version in the WHERE makes the check and the write one step, even against a concurrent writer.
    const { count } = await tx.comment.updateMany({
      where: { id: comment.id, version: options.expectedVersion, deletedAt: null },
      data: { resolvedAt, resolvedById, version: { increment: 1 } },
    });
    if (count === 0) throw staleComment(await readItem(tx, comment.id));
    await writeAuditEvent(tx, {
      actorId: options.userId,
      action: options.resolved ? 'comment.resolved' : 'comment.reopened',
      entityType: 'Comment',
      entityId: comment.id,
      documentId: comment.claim.documentId,
      claimId: comment.claimId,
      before: { resolvedAt: comment.resolvedAt?.toISOString() ?? null, resolvedById: comment.resolvedById },
      after: { resolvedAt: resolvedAt?.toISOString() ?? null, resolvedById },
    });
    return readItem(tx, comment.id);
  });
}

async function readItem(tx: Tx, commentId: string) {
  return toCommentItem(
    await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: COMMENT_ITEM }),
  );
}

function staleComment(current: PanelComment) {
  return new AppError(
    'CONFLICT',
    current.resolvedAt
      ? `${current.resolvedBy ?? 'Someone'} resolved this thread since you opened it. Check it, then try again.`
      : 'Someone reopened or changed this thread since you opened it. Check it, then try again.',
    { current: { resolvedAt: current.resolvedAt, resolvedBy: current.resolvedBy, version: current.version } },
  );
}
