import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingBlock } from '@/components/loading-block';
import { MyAssignments } from '@/components/my-assignments';
import { StatusMixBar } from '@/components/status-mix-bar';
import { PageTitle } from '@/components/ui/heading';
import { listMyAssignments } from '@/lib/assignments/list-my-assignments';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listDocuments } from '@/lib/documents/list-documents';
import { listImportJobs } from '@/lib/imports/list-import-jobs';
import type { Reader } from '@/lib/projects/project-access';

export const dynamic = 'force-dynamic';
// The layout's title template applies to the pages below it, not to this one beside it.
export const metadata: Metadata = { title: { absolute: 'Documents · Evidence review' } };

export default async function DashboardPage() {
  const user = await requirePageUser();
  return (
    <>
      <PageTitle>Documents</PageTitle>
      <Suspense fallback={null}>
        <ImportJobList userId={user.id} />
      </Suspense>
      <Suspense fallback={null}>
        <MyAssignmentList reader={user} />
      </Suspense>
      <Suspense fallback={<LoadingBlock label="Loading the documents…" />}>
        <DocumentList reader={user} />
      </Suspense>
    </>
  );
}

/** The user's imports still running, and those that failed lately, each linking to its progress page. */
async function ImportJobList({ userId }: { userId: string }) {
  const jobs = await listImportJobs({ userId });
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="imports-heading" className="mt-4 rounded border border-slate-200 bg-white p-4">
      <h2 id="imports-heading" className="text-sm font-semibold">
        Your imports
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {jobs.map((job) => (
          <li key={job.id} className="flex flex-wrap items-baseline gap-x-2">
            <a
              href={`/imports/${job.id}`}
              className="break-all text-sky-900 underline underline-offset-2 pointer-coarse:inline-block pointer-coarse:py-3"
            >
              {job.fileName}
            </a>
            <span className={job.status === 'failed' ? 'text-red-800' : 'text-slate-700'}>
              {job.status === 'failed'
                ? 'failed: open it to read why'
                : job.status === 'queued'
                  ? 'waiting to start'
                  : job.total > 0
                    ? `importing, ${Math.round((100 * job.done) / job.total)}%`
                    : 'importing'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The documents and claim ranges a lead gave the reader to review, with their progress. */
async function MyAssignmentList({ reader }: { reader: Reader }) {
  return <MyAssignments assignments={await listMyAssignments({ reader })} />;
}

async function DocumentList({ reader }: { reader: Reader }) {
  const documents = await listDocuments({ reader });
  return (
    <>
      {documents.length === 0 ? (
        <p className="mt-4 rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          No documents yet. Imported articles appear here with their review progress.
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {documents.map((d) => {
            // Under blind review a reviewer sees the progress, not what the others decided, as in the workspace.
            const mix = d.verdictMix;
            return (
              <li
                key={d.id}
                className="grid gap-3 p-4 md:grid-cols-2 lg:grid-cols-[1fr_16rem_20rem] lg:items-center"
              >
                <div className="min-w-0 md:col-span-2 lg:col-span-1">
                  <a
                    href={`/documents/${d.id}`}
                    className="break-words font-medium text-sky-900 underline-offset-2 hover:underline pointer-coarse:inline-block pointer-coarse:py-2.5"
                  >
                    {d.title}
                  </a>
                  <p className="mt-0.5 text-xs text-slate-600">
                    Imported {d.createdAt.toISOString().slice(0, 10)}
                  </p>
                </div>
                <div className="text-sm">
                  <p>
                    Reviewed <strong>{d.reviewed}</strong> of {d.total} claims
                  </p>
                  <progress
                    className="mt-1 h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-700"
                    value={d.reviewed}
                    max={Math.max(d.total, 1)}
                    aria-label={`Review progress: ${d.reviewed} of ${d.total} claims reviewed`}
                  />
                  {mix && mix.conflicts > 0 && (
                    <p className="mt-1 text-xs font-medium text-violet-900">
                      {mix.conflicts === 1 ? '1 open conflict' : `${mix.conflicts} open conflicts`}
                    </p>
                  )}
                </div>
                {mix === null ? (
                  <p className="text-xs text-slate-700">
                    Blind review: the verdict mix shows once the review is open.
                  </p>
                ) : (
                  <StatusMixBar
                    total={d.total}
                    counts={{
                      SUPPORTED: mix.supported,
                      SPECULATIVE: mix.speculative,
                      UNSUPPORTED: mix.unsupported,
                      IN_REVIEW: mix.inReview,
                      CONFLICT: mix.conflicts,
                      UNREVIEWED: d.total - d.reviewed,
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
