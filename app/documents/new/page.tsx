import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { ImportForm } from '@/components/import-form';
import { PageTitle } from '@/components/ui/heading';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { AppError } from '@/lib/errors';
import { defaultImportProject } from '@/lib/projects/project-access';

export const metadata: Metadata = { title: 'Import a document' };
export const dynamic = 'force-dynamic';

// The form sends the article to POST /api/documents as a file, pasted or chosen, so one size limit holds for both.
export default async function ImportPage() {
  const user = await requirePageUser();
  // Only a lead or reviewer of some project has somewhere to import to.
  await defaultImportProject(user).catch((e) => {
    if (e instanceof AppError && e.code === 'FORBIDDEN') forbidden();
    throw e;
  });
  return (
    <>
      <PageTitle>Import a document</PageTitle>
      <p className="mt-1 text-sm text-slate-700">
        Paste an article or upload a .txt, .md, .html or .csv file (up to 2 MB), or a PDF up to 20 MB. Check
        the claims in the preview, then save.
      </p>
      <ImportForm />
    </>
  );
}
