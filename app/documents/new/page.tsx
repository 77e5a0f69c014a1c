import type { Metadata } from 'next';
import { ImportForm } from '@/components/import-form';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { importDocumentAction } from './import-document-action';

export const metadata: Metadata = { title: 'Import a document' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  await requirePageUser('document.import');
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Import a document</h1>
      <p className="mt-1 text-sm text-slate-700">
        Paste an article or upload a .txt, .md, .html or .csv file (up to 2 MB). Check the claims in the
        preview, then save.
      </p>
      <ImportForm action={importDocumentAction} />
    </>
  );
}
