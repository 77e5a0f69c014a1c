import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { ImportForm } from '@/components/import-form';
import { PageTitle } from '@/components/ui/heading';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listImportProjects } from '@/lib/projects/list-import-projects';

export const metadata: Metadata = { title: 'Import a document' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The form sends the article to POST /api/projects/{id}/documents as a file, pasted or chosen, so one size limit
// holds for both.
export default async function ImportPage({ searchParams }: Props) {
  const [user, { project }] = await Promise.all([requirePageUser(), searchParams]);
  // Only a lead or reviewer of some project has somewhere to import to.
  const projects = await listImportProjects(user.id);
  if (projects.length === 0) forbidden();
  // The project page's "Import into this project" names it; one the user may not import into is not offered.
  const chosen = projects.find((p) => p.id === project)?.id ?? (projects[0] as { id: string }).id;
  return (
    <>
      <PageTitle>Import a document</PageTitle>
      <p className="mt-1 text-sm text-slate-700">
        Paste an article or upload a .txt, .md, .html or .csv file (up to 2 MB), or a PDF up to 20 MB. Check
        the claims in the preview, then save.
      </p>
      <ImportForm projects={projects} initialProjectId={chosen} />
    </>
  );
}
