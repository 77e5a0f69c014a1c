import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LiveRefresh } from '@/components/live-refresh';
import { LoadingBlock } from '@/components/loading-block';
import { MyAssignments } from '@/components/my-assignments';
import { ProjectList } from '@/components/project-list';
import { PageTitle, SectionTitle } from '@/components/ui/heading';
import { listMyAssignments } from '@/lib/assignments/list-my-assignments';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listImportJobs } from '@/lib/imports/list-import-jobs';
import { liveChangesFrom } from '@/lib/live/review-changes';
import { listProjects } from '@/lib/projects/list-projects';
import type { Reader } from '@/lib/projects/project-access';

export const dynamic = 'force-dynamic';
// The layout's title template applies to the pages below it, not to this one beside it.
export const metadata: Metadata = { title: { absolute: 'Projects · Evidence review' } };

// The dashboard is a column of sections, each loading on its own: a new one is one more <Suspense> here.
export default async function DashboardPage() {
  const user = await requirePageUser();
  // Taken before any section reads its data: a change made meanwhile is replayed when the stream opens.
  const liveFrom = liveChangesFrom();
  return (
    <>
      <LiveRefresh from={liveFrom} />
      <PageTitle>Projects</PageTitle>
      <Suspense fallback={null}>
        <ImportJobList userId={user.id} />
      </Suspense>
      <Suspense fallback={null}>
        <MyAssignmentList reader={user} />
      </Suspense>
      <Suspense fallback={<LoadingBlock label="Loading your projects…" />}>
        <Projects reader={user} />
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

/** The user's projects and, for an instance admin, the others, apart and marked: they see those read-only. */
async function Projects({ reader }: { reader: Reader }) {
  const projects = await listProjects({ reader });
  const mine = projects.filter((p) => !p.adminView);
  const others = projects.filter((p) => p.adminView);
  return (
    <>
      <section aria-labelledby="projects-heading" className="mt-6">
        <SectionTitle id="projects-heading">Your projects</SectionTitle>
        {mine.length === 0 ? (
          <p className="mt-3 rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
            You are not in any project yet. Ask a project lead to add you or send you an invitation.
          </p>
        ) : (
          <ProjectList projects={mine} />
        )}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="admin-view-heading" className="mt-8">
          <SectionTitle id="admin-view-heading">Other projects (Admin view)</SectionTitle>
          <p className="mt-1 text-sm text-slate-700">
            You are not a member of these. As an instance admin you may look at them read-only, and each visit
            is recorded in the audit log.
          </p>
          <ProjectList projects={others} />
        </section>
      )}
    </>
  );
}
