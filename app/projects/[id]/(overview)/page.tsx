import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { AdminViewNotice } from '@/components/admin-view-notice';
import { DocumentList } from '@/components/document-list';
import { LiveRefresh } from '@/components/live-refresh';
import { LoadingBlock } from '@/components/loading-block';
import { buttonClass } from '@/components/ui/button';
import { PageTitle, SectionTitle } from '@/components/ui/heading';
import { getSessionUser } from '@/lib/auth/guard';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { listDocuments } from '@/lib/documents/list-documents';
import { liveChangesFrom } from '@/lib/live/review-changes';
import { loadProjectOverview } from '@/lib/projects/load-project-overview';
import { allows, PROJECT_ROLE_LABEL, type Reader } from '@/lib/projects/project-access';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, reader] = await Promise.all([params, getSessionUser()]);
  const project = await loadProjectOverview({ projectId: id, reader });
  return { title: project ? `${project.name} · Project` : 'Project' };
}

export default async function ProjectPage({ params }: Props) {
  const { id } = await params;
  const { access } = await requireProjectPageUser('document.read', { projectId: id });
  // Taken before the page reads its data: a change made meanwhile is replayed when the stream opens.
  const liveFrom = liveChangesFrom();
  // The instance role, not the role in this project, which the guard returns: listDocuments scopes by
  // membership (every project for an instance admin) and applies the project role itself.
  const signedIn = await getSessionUser();
  const project = await loadProjectOverview({ projectId: id, reader: signedIn });
  if (!project || !signedIn) notFound();
  const mayManage = allows(access, 'project.manage');
  return (
    <>
      <LiveRefresh from={liveFrom} />
      {access.adminView && <AdminViewNotice projectName={project.name} />}
      <nav aria-label="Breadcrumb" className="text-sm">
        <a
          href="/"
          className="inline-flex items-center text-sky-800 underline underline-offset-2 pointer-coarse:min-h-11"
        >
          Projects
        </a>
      </nav>
      <header className="mt-2 flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-4">
        <div className="min-w-0">
          <PageTitle>{project.name}</PageTitle>
          {project.description && (
            <p className="mt-1 max-w-prose whitespace-pre-line break-words text-sm text-slate-700">
              {project.description}
            </p>
          )}
          {access.projectRole && (
            <p className="mt-2 text-sm text-slate-700">
              Your role: <strong>{PROJECT_ROLE_LABEL[access.projectRole]}</strong>
            </p>
          )}
        </div>
        <nav aria-label="Project" className="flex flex-wrap gap-2">
          {allows(access, 'document.import') && (
            <a className={buttonClass({ variant: 'primary' })} href={`/documents/new?project=${project.id}`}>
              Import into this project
            </a>
          )}
          {mayManage && (
            <>
              <a className={buttonClass()} href={`/projects/${project.id}/members`}>
                Members
              </a>
              <a className={buttonClass()} href={`/projects/${project.id}/settings`}>
                Settings
              </a>
            </>
          )}
        </nav>
      </header>
      <section aria-labelledby="documents-heading" className="mt-6">
        <SectionTitle id="documents-heading">Documents</SectionTitle>
        <Suspense fallback={<LoadingBlock label="Loading the documents…" />}>
          <ProjectDocuments reader={{ id: signedIn.id, role: signedIn.role }} projectId={project.id} />
        </Suspense>
      </section>
    </>
  );
}

async function ProjectDocuments({ reader, projectId }: { reader: Reader; projectId: string }) {
  const documents = await listDocuments({ reader, projectId });
  if (documents.length === 0) {
    return (
      <p className="mt-4 rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
        No documents in this project yet. Imported articles appear here with their review progress.
      </p>
    );
  }
  return <DocumentList documents={documents} />;
}
