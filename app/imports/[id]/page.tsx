import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { ImportProgress } from '@/components/import-progress';
import { PageTitle } from '@/components/ui/heading';
import { type CurrentUser, getSessionUser } from '@/lib/auth/guard';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { AppError } from '@/lib/errors';
import { loadImportJob } from '@/lib/imports/load-import-job';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

// Asked for by the tab's title and by the page, once per request.
const load = cache(async (jobId: string, user: CurrentUser) => {
  // A job's id is a UUID; any other address is a page that does not exist, not a bad request.
  if (!z.uuid().safeParse(jobId).success) return null;
  try {
    return await loadImportJob({ jobId, user });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, user] = await Promise.all([params, getSessionUser()]);
  const job = user ? await load(id, user) : null;
  return { title: job ? `${job.fileName} · Import` : 'Import' };
}

// An import's progress, server-rendered as it stands, then followed in the browser: the page the import form
// opens when the server answers 202, and the one to come back to.
export default async function ImportJobPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser();
  const job = await load(id, user);
  if (!job) notFound();
  return (
    <>
      <PageTitle>
        Import of <span className="break-words">{job.fileName}</span>
      </PageTitle>
      <ImportProgress initial={job} />
    </>
  );
}
