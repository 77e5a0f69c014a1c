import type { Metadata } from 'next';
import { ImportForm } from '@/components/import-form';
import { PageTitle } from '@/components/ui/heading';
import { requirePageUser } from '@/lib/auth/require-page-user';

export const metadata: Metadata = { title: 'Import a document' };
export const dynamic = 'force-dynamic';

// The form sends the article to POST /api/documents as a file, pasted or chosen, so one size limit holds for both.
export default async function ImportPage() {
  await requirePageUser('document.import');
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
