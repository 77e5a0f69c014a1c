import type { Metadata } from 'next';
import { NewVersionForm } from '@/components/new-version-form';
import { PageTitle } from '@/components/ui/heading';
import { getSessionUser } from '@/lib/auth/guard';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { loadDocumentTabTitle } from '@/lib/documents/load-document-tab-title';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, reader] = await Promise.all([params, getSessionUser()]);
  return { title: await loadDocumentTabTitle({ documentId: id, reader, page: 'New version' }) };
}

/** Importing a new version of a document's text: whoever may import into its project (ADR 0028). */
export default async function NewVersionPage({ params }: Props) {
  const { id } = await params;
  await requireProjectPageUser('document.import', { documentId: id });
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <a href={`/documents/${id}`} className="text-sky-800 underline underline-offset-2">
          Back to the document
        </a>
      </nav>
      <PageTitle>Import a new version</PageTitle>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        The article was corrected or updated? Give its new text. Each claim is looked for in it: claims found
        as they were keep their review; reworded ones keep it too, marked "text changed since assessed" and
        back in review; claims not found are kept apart with their review; new sentences become new claims.
        The version before is kept, with its review as it was.
      </p>
      <NewVersionForm documentId={id} />
    </>
  );
}
