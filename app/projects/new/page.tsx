import type { Metadata } from 'next';
import { ProjectCreateForm } from '@/components/project-create-form';
import { PageTitle } from '@/components/ui/heading';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { createProjectAction } from './create-project-action';

export const metadata: Metadata = { title: 'New project' };
export const dynamic = 'force-dynamic';

export default async function NewProjectPage() {
  await requirePageUser('project.create');
  return (
    <>
      <PageTitle>New project</PageTitle>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        A project is a review team&apos;s space: its members, its documents and its consensus rule. You become
        its first lead; add its members and set its rule once it is made.
      </p>
      <div className="mt-4 max-w-xl rounded border border-slate-200 bg-white p-4">
        <ProjectCreateForm action={createProjectAction} />
      </div>
    </>
  );
}
