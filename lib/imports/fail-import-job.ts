import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';

/**
 * Ends a job as failed: removes its hidden document, if it got that far, and records what went wrong in words
 * for the person who imported. An unexpected error is logged and described only in general terms.
 */
export async function failImportJob(options: { jobId: string; error: unknown }) {
  const { jobId, error } = options;
  const message =
    error instanceof AppError
      ? error.message
      : 'The import stopped because of an error on the server. Try again; if it happens again, tell your administrator.';
  if (!(error instanceof AppError)) console.error(`Import ${jobId} failed:`, error);
  const job = await prisma.importJob.findUnique({ where: { id: jobId }, select: { documentId: true } });
  if (job?.documentId) await removeHiddenDocument({ documentId: job.documentId });
  await prisma.importJob.update({
    where: { id: jobId },
    data: { status: 'FAILED', error: message, finishedAt: new Date(), input: new Uint8Array() },
  });
}

/** Deletes a document that an import was writing; a revealed one is never touched. */
export async function removeHiddenDocument(options: { documentId: string }) {
  await prisma.document.deleteMany({ where: { id: options.documentId, deletedAt: { not: null } } });
}
