import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import { summaryClosedTo } from './summary-closed-to';

/**
 * The blind-review rule for the summary and every export. They show each reviewer's verdict and the consensus,
 * which under blind review would tell a reviewer what the others decided before they judge for themselves.
 * Admins (who run the review) and viewers (who do not assess) may read it. "Not found" comes first, so a
 * reviewer learns nothing about a document that does not exist.
 */
export async function assertMayReadSummary(options: {
  documentId: string;
  user: { role: Role };
}): Promise<void> {
  const id = requireId(options.documentId, 'The document');
  const document = await prisma.document.findFirst({
    where: { id, deletedAt: null },
    select: { reviewMode: true },
  });
  if (!document) throw notFound('The document');
  if (summaryClosedTo({ reviewMode: document.reviewMode, role: options.user.role })) {
    throw new AppError(
      'FORBIDDEN',
      'This document is under blind review, so its summary opens to reviewers once an admin switches it to open review.',
    );
  }
}
