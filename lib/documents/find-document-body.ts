import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';

/** A live document's body text, loaded only for readers who add claims from it. */
export async function findDocumentBody(options: { documentId: string }) {
  requireId(options.documentId, 'The document');
  const document = await prisma.document.findFirst({
    where: { id: options.documentId, deletedAt: null },
    select: { body: true },
  });
  if (!document) throw notFound('The document');
  return document.body;
}
