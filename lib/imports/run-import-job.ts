import { prisma } from '@/lib/db/prisma';
import { documentFields } from '@/lib/documents/import-document';
import {
  extractImport,
  IMPORT_FORMATS,
  IMPORT_MAX_CLAIMS,
  type ImportExtraction,
  type ImportFormat,
  withinClaimLimit,
} from '@/lib/documents/import-input';
import { AppError } from '@/lib/errors';
import { extractPdf } from '@/lib/extraction/pdf';
import { failImportJob, removeHiddenDocument } from './fail-import-job';
import { type OriginalFile, writeDocument } from './write-document';

type Stage = 'READING' | 'EXTRACTING' | 'SAVING';

/**
 * Runs one claimed import job to its end, in an import worker (import-runner.ts): reads the stored file, finds
 * its claims, and writes the document in batches, recording the stage and progress as it goes so the page that
 * follows it can show them. Any failure removes what was written and records a message for the person who
 * imported; nothing half-written is ever visible.
 */
export async function runImportJob(options: { jobId: string }) {
  const { jobId } = options;
  const job = await prisma.importJob.findFirst({ where: { id: jobId, status: 'RUNNING' } });
  if (!job) return;
  // An earlier attempt stopped part-way (its instance went away): start again from nothing.
  if (job.documentId) await removeHiddenDocument({ documentId: job.documentId });
  const progress = (stage: Stage, done: number, total: number) =>
    prisma.importJob.update({
      where: { id: jobId },
      data: { stage, done, total, heartbeatAt: new Date() },
    });
  try {
    await progress('READING', 0, 0);
    const read = await readInput(job, progress);
    const extraction = read.extraction ?? (await extract(read.text, read.format, progress));
    const total = extraction.claims.length;
    if (total === 0) {
      throw new AppError(
        'VALIDATION',
        'No claims were found in this file: there are no sentences to review.',
      );
    }
    await progress('SAVING', 0, total);
    await writeDocument({
      extraction,
      fields: documentFields(extraction, {
        title: job.title,
        author: job.author,
        sourceUrl: job.sourceUrl,
        publishedOn: job.publishedOn,
        importFormat: job.format as ImportFormat | 'PDF',
        actorId: job.createdById,
      }),
      file: read.file,
      job: {
        started: async (tx, documentId) => {
          await tx.importJob.update({ where: { id: jobId }, data: { documentId } });
        },
        saved: async (done) => {
          await progress('SAVING', done, total);
        },
        finished: async (tx) => {
          await tx.importJob.update({
            where: { id: jobId },
            data: {
              status: 'DONE',
              claims: total,
              finishedAt: new Date(),
              // The document holds what the file said now; the file itself is kept only where it is more.
              input: new Uint8Array(),
            },
          });
        },
      },
    });
  } catch (e) {
    await failImportJob({ jobId, error: e });
  }
}

type Input =
  | { text: string; format: ImportFormat; extraction?: undefined; file?: undefined }
  | { extraction: ImportExtraction; file: OriginalFile; text?: undefined; format?: undefined };

/** How often a PDF's page count is written while it is read: often enough to move the bar, not per page. */
const PAGE_PROGRESS_MS = 250;

async function readInput(
  job: { format: string; input: Uint8Array; fileName: string },
  progress: (stage: Stage, done: number, total: number) => Promise<unknown>,
): Promise<Input> {
  if (job.format === 'PDF') {
    let reported = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const read = await extractPdf(job.input, {
      maxClaims: IMPORT_MAX_CLAIMS,
      onPage: (page, pages) => {
        if (Date.now() - reported < PAGE_PROGRESS_MS) return;
        reported = Date.now();
        writing = writing.then(() => progress('READING', page, pages));
      },
    });
    await writing;
    if (!read.ok) throw new AppError('VALIDATION', read.error);
    const limited = withinClaimLimit(read.extraction);
    if (!limited.ok) throw new AppError('VALIDATION', limited.error);
    return {
      extraction: limited.extraction,
      file: { fileName: job.fileName, mediaType: 'application/pdf', bytes: job.input },
    };
  }
  const format = IMPORT_FORMATS.find((f) => f === job.format);
  if (!format) throw new AppError('VALIDATION', `“${job.fileName}” is not a file type that can be imported.`);
  // The text was decoded and checked when it was sent, and stored as UTF-8.
  return { text: new TextDecoder().decode(job.input), format };
}

async function extract(
  text: string,
  format: ImportFormat,
  progress: (stage: Stage, done: number, total: number) => Promise<unknown>,
): Promise<ImportExtraction> {
  await progress('EXTRACTING', 0, 0);
  const result = extractImport({ text, format });
  if (!result.ok) throw new AppError('VALIDATION', result.error);
  return result.extraction;
}
