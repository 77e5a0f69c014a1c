import { z } from 'zod';
import { prisma } from '@/lib/db/prisma';
import { notFound } from '@/lib/errors';

/**
 * The file a document was imported from (a PDF), as it was sent. Readers of the document may download it; for
 * a document without one, or one that does not exist, there is nothing to download.
 */
export async function loadOriginalFile(options: { documentId: string }) {
  if (!z.uuid().safeParse(options.documentId).success) throw notFound('This file');
  const file = await prisma.documentFile.findFirst({
    where: { documentId: options.documentId, document: { deletedAt: null } },
    select: { fileName: true, mediaType: true, bytes: true },
  });
  if (!file) throw notFound('This file');
  return file;
}
