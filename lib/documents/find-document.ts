import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';

/** A document's header fields; "not found" for an unknown, malformed or deleted id. */
export async function findDocument(options: { documentId: string }) {
  requireId(options.documentId, 'The document');
  const document = await prisma.document.findFirst({
    where: { id: options.documentId, deletedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      sourceUrl: true,
      author: true,
      publishedOn: true,
      reviewMode: true,
    },
  });
  if (!document) throw notFound('The document');
  return document;
}
