import type { CurrentUser } from '@/lib/auth/guard';
import { prisma } from '@/lib/db/prisma';
import { notFound } from '@/lib/errors';

export type ImportJobView = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  stage: 'reading' | 'extracting' | 'saving' | null;
  /** Pages read or claims saved so far, of total (0 of 0 while the stage has no count yet). */
  done: number;
  total: number;
  fileName: string;
  documentId: string | null;
  claims: number | null;
  error: string | null;
};

/**
 * An import job as the person who started it follows it. Only they and admins may see it; for anyone else it
 * does not exist.
 */
export async function loadImportJob(options: { jobId: string; user: CurrentUser }): Promise<ImportJobView> {
  const job = await prisma.importJob.findFirst({
    where: {
      id: options.jobId,
      ...(options.user.role === 'ADMIN' ? {} : { createdById: options.user.id }),
    },
    select: {
      id: true,
      status: true,
      stage: true,
      done: true,
      total: true,
      fileName: true,
      documentId: true,
      claims: true,
      error: true,
    },
  });
  if (!job) throw notFound('This import');
  return {
    ...job,
    status: job.status.toLowerCase() as ImportJobView['status'],
    stage: (job.stage?.toLowerCase() ?? null) as ImportJobView['stage'],
    // The document is hidden until the job is done; until then there is nothing to open.
    documentId: job.status === 'DONE' ? job.documentId : null,
  };
}

/**
 * The job once it has ended, or as it stands after `timeoutMs`: a small import finishes in well under a second,
 * and its request can answer with the document rather than a job to follow.
 */
export async function waitForImportJob(options: {
  jobId: string;
  user: CurrentUser;
  timeoutMs: number;
}): Promise<ImportJobView> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const job = await loadImportJob(options);
    if (job.status === 'done' || job.status === 'failed' || Date.now() >= deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
