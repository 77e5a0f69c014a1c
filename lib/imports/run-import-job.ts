import { prisma } from '@/lib/db/prisma';
import { documentFields } from '@/lib/documents/import-document';
import type { ImportFormat } from '@/lib/documents/import-input';
import { AppError } from '@/lib/errors';
import { extractInWorker } from './extract-in-worker';
import { failImportJob, removeHiddenDocument } from './fail-import-job';
import { whenServerIsFree } from './when-server-is-free';
import { writeDocument } from './write-document';

type Stage = 'READING' | 'EXTRACTING' | 'SAVING';

/**
 * The longest one batch waits for a free moment, so an import on a busy server still moves on. Between two
 * batches the import waits while the server's thread is busy: its writes (and the database's work for them)
 * go when readers' pages have gone, and at full speed when nobody is waiting.
 */
const MAX_WAIT_MS = 1_000;

/**
 * Runs one claimed import job to its end (import-runner.ts): the import worker reads the stored file and finds
 * its claims, then they are written in batches, the stage and progress recorded as it goes so the page that
 * follows it can show them. Any failure removes what was written and records a message for the person who
 * imported; nothing half-written is ever visible.
 */
export async function runImportJob(options: { jobId: string }) {
  const { jobId } = options;
  const job = await prisma.importJob.findFirst({ where: { id: jobId, status: 'RUNNING' } });
  if (!job) return;
  // An earlier attempt stopped part-way (its instance went away): start again from nothing.
  if (job.documentId) await removeHiddenDocument({ documentId: job.documentId });
  // Each update selects only the id: by default Prisma reads back the whole row, the stored file with it, and
  // decoding a 2 MB file on the server's thread twenty times an import is what pages would wait for.
  const progress = (stage: Stage, done: number, total: number) =>
    prisma.importJob.update({
      where: { id: jobId },
      data: { stage, done, total, heartbeatAt: new Date() },
      select: { id: true },
    });
  let release = () => {};
  try {
    await progress('READING', 0, 0);
    const extracted = await extractInWorker({
      input: job.input,
      format: job.format,
      fileName: job.fileName,
      onProgress: progress,
    });
    release = extracted.release;
    const { document, claims } = extracted;
    if (claims.total === 0) {
      throw new AppError(
        'VALIDATION',
        'No claims were found in this file: there are no sentences to review.',
      );
    }
    await progress('SAVING', 0, claims.total);
    const pdf = job.format === 'PDF';
    await writeDocument({
      extraction: document,
      claims,
      fields: documentFields(document, {
        title: job.title,
        author: job.author,
        sourceUrl: job.sourceUrl,
        publishedOn: job.publishedOn,
        importFormat: job.format as ImportFormat | 'PDF',
        actorId: job.createdById,
        projectId: job.projectId,
      }),
      // A PDF's body is only the text read from it; the file itself is kept to be downloaded.
      file: pdf ? { fileName: job.fileName, mediaType: 'application/pdf', bytes: job.input } : undefined,
      job: {
        started: async (tx, documentId) => {
          await tx.importJob.update({ where: { id: jobId }, data: { documentId }, select: { id: true } });
        },
        saved: async (done) => {
          await progress('SAVING', done, claims.total);
          await whenServerIsFree(MAX_WAIT_MS);
        },
        finished: async (tx) => {
          await tx.importJob.update({
            where: { id: jobId },
            data: { status: 'DONE', claims: claims.total, finishedAt: new Date(), input: new Uint8Array() },
          });
        },
      },
    });
  } catch (e) {
    await failImportJob({ jobId, error: e });
  } finally {
    release();
  }
}
