import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { backgroundLoop } from '@/lib/workers/background-loop';
import { failImportJob } from './fail-import-job';
import { runImportJob } from './run-import-job';

// Each app instance runs import jobs from the ImportJob table, one at a time, reading each file in its import
// worker thread (extract-in-worker.ts, ADR 0016). Jobs are claimed with FOR UPDATE SKIP LOCKED, so instances
// never run the same job, and a job whose instance went away (its heartbeat stopped) is picked up again.

/** How often an idle instance looks for jobs that another instance queued, or left behind. */
const POLL_MS = 2_000;
/** A running job's heartbeat is renewed this often while it runs. */
const HEARTBEAT_MS = 10_000;
/** A running job whose heartbeat is older than this belongs to an instance that went away. */
const STALE_SECONDS = 60;
/** A job that stopped its instance this many times is not tried again. */
const MAX_ATTEMPTS = 3;

const loop = backgroundLoop({
  key: 'importRunner',
  pollMs: POLL_MS,
  failure: 'Import jobs could not be run',
  round: async () => {
    for (let job = await claimNextJob(); job; job = await claimNextJob()) await runJob(job);
  },
});

/** Starts looking for import jobs; called once per process, from instrumentation.ts. */
export function startImportRunner() {
  loop.start();
}

/** Looks for jobs now: a job was just queued on this instance. */
export const wakeImportRunner = loop.wake;

type ClaimedJob = { id: string; attempts: number };

async function claimNextJob(): Promise<ClaimedJob | null> {
  const [job] = await prisma.$queryRaw<ClaimedJob[]>`
    UPDATE "ImportJob" SET status = 'RUNNING', "startedAt" = now(), "heartbeatAt" = now(),
      attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "ImportJob"
      WHERE status = 'QUEUED'
        OR (status = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${STALE_SECONDS}))
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`;
  return job ?? null;
}

async function runJob(job: ClaimedJob) {
  if (job.attempts > MAX_ATTEMPTS) {
    await failImportJob({
      jobId: job.id,
      error: new AppError(
        'VALIDATION',
        'This import stopped the server that ran it several times, so it was not tried again. Split the file and import the parts.',
      ),
    });
    return;
  }
  const heartbeat = setInterval(() => {
    void prisma.importJob
      .updateMany({ where: { id: job.id, status: 'RUNNING' }, data: { heartbeatAt: new Date() } })
      .catch(() => {});
  }, HEARTBEAT_MS);
  try {
    await runImportJob({ jobId: job.id });
  } finally {
    clearInterval(heartbeat);
  }
}
