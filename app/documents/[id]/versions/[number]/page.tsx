import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminViewNotice } from '@/components/admin-view-notice';
import { VersionBody, VersionClaimReviews } from '@/components/document-version-view';
import { buttonClass } from '@/components/ui/button';
import { PAGE_TITLE } from '@/components/ui/heading';
import { getSessionUser } from '@/lib/auth/guard';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { loadDocumentTabTitle } from '@/lib/documents/load-document-tab-title';
import { AppError } from '@/lib/errors';
import { timestampWords } from '@/lib/summary/header-words';
import { type DocumentVersionView, getDocumentVersion } from '@/lib/versions/get-document-version';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id, number }, reader] = await Promise.all([params, getSessionUser()]);
  return { title: await loadDocumentTabTitle({ documentId: id, reader, page: `Version ${number}` }) };
}

/** An earlier version of a document, read-only, with its review as it was when the next one came in (ADR 0028). */
export default async function DocumentVersionPage({ params }: Props) {
  const { id, number } = await params;
  const { user, access } = await requireProjectPageUser('document.read', { documentId: id });
  let view: DocumentVersionView;
  try {
    view = await getDocumentVersion({ documentId: id, number, reader: user });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const { document, version, review } = view;
  const meta = [version.author, version.publishedOn, version.sourceUrl].filter(Boolean);

  return (
    <article className="space-y-4">
      {access.adminView && <AdminViewNotice projectName={access.projectName} />}
      <header className="border-b border-slate-200 pb-3">
        <nav aria-label="Breadcrumb" className="flex flex-wrap gap-x-2 text-sm">
          <a href={`/documents/${id}`} className="break-words text-sky-800 underline underline-offset-2">
            {document.title}
          </a>
          <span aria-hidden="true">›</span>
          <a href={`/documents/${id}/versions`} className="text-sky-800 underline underline-offset-2">
            Versions
          </a>
        </nav>
        <p className="mt-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
          Earlier version, read-only
        </p>
        <h1 className={`mt-1 break-words ${PAGE_TITLE}`}>
          Version {version.number} of {version.title}
        </h1>
        <p className="mt-1 text-sm text-slate-800">
          Superseded on {timestampWords(version.supersededAt)} by{' '}
          {version.supersededBy ?? 'a user whose account was removed'}. The document is now at version{' '}
          {document.textVersion}.
        </p>
        {meta.length > 0 && <p className="mt-1 break-words text-sm text-slate-700">{meta.join(' · ')}</p>}
        <a href={`/documents/${id}`} className={buttonClass({ className: 'mt-3' })}>
          Open the current version
        </a>
      </header>
      {view.reviewState === 'closed' && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800">
          This document is under blind review, so the review of its earlier versions opens to reviewers, as
          its summary does, once an admin switches it to open review. The text and where its claims stood are
          shown.
        </p>
      )}
      {view.reviewState === 'unreadable' && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800">
          The review stored with this version cannot be read, so only its text is shown.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label={`The text of version ${version.number}`}>
          <VersionBody body={version.body} claims={view.claims} />
        </section>
        {review && <VersionClaimReviews claims={review.claims} />}
      </div>
    </article>
  );
}
