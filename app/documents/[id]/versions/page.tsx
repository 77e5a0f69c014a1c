import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui/heading';
import { getSessionUser } from '@/lib/auth/guard';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { loadDocumentTabTitle } from '@/lib/documents/load-document-tab-title';
import { AppError } from '@/lib/errors';
import { timestampWords } from '@/lib/summary/header-words';
import { type DocumentVersionList, listDocumentVersions } from '@/lib/versions/list-document-versions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, reader] = await Promise.all([params, getSessionUser()]);
  return { title: await loadDocumentTabTitle({ documentId: id, reader, page: 'Versions' }) };
}

/** A document's versions: the current one, and each earlier one, readable with its review as it was. */
export default async function DocumentVersionsPage({ params }: Props) {
  const { id } = await params;
  await requireProjectPageUser('document.read', { documentId: id });
  let list: DocumentVersionList;
  try {
    list = await listDocumentVersions({ documentId: id });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const { document, versions } = list;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <a href={`/documents/${id}`} className="break-words text-sky-800 underline underline-offset-2">
          {document.title}
        </a>
      </nav>
      <PageTitle>Versions</PageTitle>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        When a new version of the article is imported, the one before is kept as it was, with its review.
      </p>
      <ol className="mt-4 max-w-2xl divide-y divide-slate-200 rounded border border-slate-200 bg-white text-sm">
        <li className="p-3">
          <a href={`/documents/${id}`} className="font-medium text-sky-800 underline underline-offset-2">
            Version {document.textVersion}
          </a>{' '}
          <span className="text-slate-700">· current, under review</span>
        </li>
        {versions.map((v) => (
          <li key={v.number} className="p-3">
            <a
              href={`/documents/${id}/versions/${v.number}`}
              className="font-medium text-sky-800 underline underline-offset-2"
            >
              Version {v.number}
            </a>
            {v.title !== document.title && <span className="break-words"> · {v.title}</span>}
            <p className="text-slate-700">
              {v.claims.toLocaleString('en')} {v.claims === 1 ? 'claim' : 'claims'} · superseded on{' '}
              {timestampWords(v.supersededAt)} by {v.supersededBy ?? 'a user whose account was removed'}
            </p>
          </li>
        ))}
      </ol>
      {versions.length === 0 && (
        <p className="mt-3 text-sm text-slate-700">
          This is the document’s first version: there is none before it.
        </p>
      )}
    </>
  );
}
