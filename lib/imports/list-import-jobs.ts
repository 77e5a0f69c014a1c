import { prisma } from '@/lib/db/prisma';

/** A failed import stays listed this long, so its message is read; one that is done is its document. */
const FAILED_SHOWN_HOURS = 24;

/**
 * The user's imports that are not done yet, and those that failed lately: the dashboard lists them, so an
 * import left running can be followed again from anywhere.
 */
export async function listImportJobs(options: { userId: string }) {
  const since = new Date(Date.now() - FAILED_SHOWN_HOURS * 3600_000);
  const jobs = await prisma.importJob.findMany({
    where: {
      createdById: options.userId,
      OR: [{ status: { in: ['QUEUED', 'RUNNING'] } }, { status: 'FAILED', finishedAt: { gte: since } }],
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, fileName: true, status: true, done: true, total: true, createdAt: true },
  });
  return jobs.map((job) => ({ ...job, status: job.status.toLowerCase() as 'queued' | 'running' | 'failed' }));
}
