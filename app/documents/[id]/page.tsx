import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { LoadingBlock } from '@/components/loading-block';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { findDocument } from '@/lib/documents/find-document';
import { AppError } from '@/lib/errors';
import { ClaimList } from './claim-list';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

// The cheap existence check runs before anything streams, so an unknown id answers with a real 404 status.
async function load(id: string) {
  try {
    return await findDocument({ documentId: id });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export const metadata: Metadata = { title: 'Document' };

export default async function DocumentPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser('document.read');
  const document = await load(id);
  const meta = [document.author, document.publishedOn?.toISOString().slice(0, 10), document.sourceUrl].filter(
    Boolean,
  );

  return (
    <article>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-4">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">{document.title}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {meta.join(' · ') || 'No author, date or source recorded.'}
          </p>
        </div>
        <nav aria-label="Export" className="flex gap-2 text-sm">
          <a
            className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
            href={`/documents/${document.id}/export?format=md`}
          >
            Export Markdown
          </a>
          <a
            className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
            href={`/documents/${document.id}/export?format=json`}
          >
            Export JSON
          </a>
        </nav>
      </header>
      <Suspense fallback={<LoadingBlock label="Loading the claims…" />}>
        <ClaimList documentId={document.id} user={user} />
      </Suspense>
    </article>
  );
}
