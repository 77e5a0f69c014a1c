import { z } from 'zod';
import { prisma } from '@/lib/db/prisma';
import { notFound } from '@/lib/errors';

/** A live document's body text, loaded only for readers who add claims from it. */
export async function findDocumentBody(options: { documentId: string }) {
  if (!z.uuid().safeParse(options.documentId).success) throw notFound('The document');
  const document = await prisma.document.findFirst({
    where: { id: options.documentId, deletedAt: null },
    select: { body: true },
  });
  if (!document) throw notFound('The document');
  return document.body;
}
