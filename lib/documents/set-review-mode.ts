import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import { AppError, notFound } from '@/lib/errors';

/**
 * Switches a document between open review and blind review, where a reviewer sees the others' judgements of
 * a claim only after giving their own. Choosing the mode it already has changes nothing and is not an error.
 */
export async function setReviewMode(options: { documentId: string; userId: string; mode: ReviewMode }) {
  if (options.mode !== 'OPEN' && options.mode !== 'BLIND') {
    const message = 'Choose open or blind review.';
    throw new AppError('VALIDATION', message, { mode: message });
  }
  const documentId = requireId(options.documentId, 'The document');
  return transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ reviewMode: ReviewMode }[]>`
      SELECT "reviewMode"::text AS "reviewMode" FROM "Document"
      WHERE id = ${documentId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
    const before = rows[0]?.reviewMode;
    if (!before) throw notFound('The document');
    if (before === options.mode) return { documentId, mode: before, changed: false };
    await tx.document.update({ where: { id: documentId }, data: { reviewMode: options.mode } });
    await writeAuditEvent(tx, {
      actorId: options.userId,
      action: 'document.review-mode-changed',
      entityType: 'Document',
      entityId: documentId,
      documentId,
      before: { reviewMode: before },
      after: { reviewMode: options.mode },
    });
    return { documentId, mode: options.mode, changed: true };
  });
}
