import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { AdminViewNotice } from '@/components/admin-view-notice';
import { SummaryAgreement } from '@/components/summary-agreement';
import { SummaryClaimsTable } from '@/components/summary-claims-table';
import { SummaryCounts } from '@/components/summary-counts';
import { SummaryExportLinks } from '@/components/summary-export-links';
import { SummaryFilterForm } from '@/components/summary-filter-form';
import { SummaryHeader } from '@/components/summary-header';
import { SummaryNotice } from '@/components/summary-notice';
import { SummaryVerdictChart } from '@/components/summary-verdict-chart';
import { SummaryVerdictTable } from '@/components/summary-verdict-table';
import { SummaryVersionChanges } from '@/components/summary-version-changes';
import { SectionTitle } from '@/components/ui/heading';
import { getSessionUser } from '@/lib/auth/guard';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { OPEN_THREADS_MEANING } from '@/lib/comments/comment-threads';
import { readMayLag } from '@/lib/db/replica-reads';
import { loadDocumentTabTitle } from '@/lib/documents/load-document-tab-title';
import { AppError } from '@/lib/errors';
import { isMissingSection, loadReviewHeader } from '@/lib/exports/load-review-header';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import { parseReviewFilter } from '@/lib/exports/review-filter';
import type { ReviewClaimRow, ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';
import { appUrlFrom } from '@/lib/http/app-url';
import { collectBatches, toSearchParams } from '@/lib/summary/summary-page';
import './print.css';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const [{ id }, reader] = await Promise.all([params, getSessionUser()]);
  return { title: await loadDocumentTabTitle({ documentId: id, reader, page: 'Summary' }) };
}

export default async function SummaryPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { user, access } = await requireProjectPageUser('document.read', { documentId: id });
  const summary = `/documents/${id}/summary`;

  let filter: ReviewFilter;
  try {
    filter = parseReviewFilter(toSearchParams(query));
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'VALIDATION')) throw e;
    return (
      <SummaryNotice
        title="These filters cannot be applied"
        message={e.message}
        link={{ href: summary, label: 'Show all claims' }}
      />
    );
  }

  const appUrl = await appUrlOf();
  let header: ReviewHeader;
  let rows: ReviewClaimRow[];
  try {
    // From the read replica when there is one, and the reader's own writes are on it (ADR 0024).
    ({
      value: { header, rows },
    } = await readMayLag(user, async (from) => {
      const header = await loadReviewHeader({
        documentId: id,
        reader: user,
        filter,
        appUrl,
        exportedAt: new Date(),
        from,
      });
      const batches = reviewClaimBatches({ documentId: header.document.id, filter, appUrl, from });
      return { header, rows: await collectBatches(batches) };
    }));
  } catch (e) {
    if (e instanceof AppError && e.code === 'FORBIDDEN') {
      return (
        <SummaryNotice
          title="The summary is closed during blind review"
          message={e.message}
          link={{ href: `/documents/${id}`, label: 'Back to the review' }}
        />
      );
    }
    if (!isMissingSection(e)) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
      throw e;
    }
    return (
      <SummaryNotice
        title="That section is not in this document"
        message={e.message}
        link={{ href: summary, label: 'Show all sections' }}
      />
    );
  }
  const filtered = filter.only !== null || filter.sectionId !== null;

  return (
    <article className="summary-report space-y-6">
      {access.adminView && <AdminViewNotice projectName={access.projectName} />}
      <SummaryHeader header={header} project={{ id: access.projectId, name: access.projectName }} />
      <div className="space-y-3 print:hidden">
        <SummaryFilterForm documentId={header.document.id} filter={filter} sections={header.sections} />
        <SummaryExportLinks documentId={header.document.id} header={header} />
      </div>
      <SummaryCounts counts={header.counts} />
      <section aria-labelledby="summary-chart" className="space-y-3">
        <SectionTitle id="summary-chart">Verdict by evidence level</SectionTitle>
        <Suspense>
          <SummaryVerdictChart chart={header.chart} />
          <SummaryVerdictTable chart={header.chart} />
        </Suspense>
      </section>
      <SummaryAgreement agreement={header.agreement} />
      <SummaryVersionChanges header={header} />
      <section aria-labelledby="summary-claims">
        <SectionTitle id="summary-claims">
          Claims <span className="font-normal text-slate-600">({rows.length.toLocaleString('en')})</span>
        </SectionTitle>
        {rows.length === 0 ? (
          <p className="mt-2 rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
            {filtered
              ? 'No claims match these filters. Clear them to see every claim.'
              : 'This document has no claims yet, so the report is empty.'}
          </p>
        ) : (
          <div className="mt-2">
            <Suspense>
              <SummaryClaimsTable documentId={header.document.id} rows={rows} />
            </Suspense>
            {/* The workspace and every export count open threads too; what the count means is said here. */}
            <p className="mt-2 text-xs text-slate-700">
              <span className="font-medium">Open threads:</span> {OPEN_THREADS_MEANING}.
            </p>
          </div>
        )}
      </section>
    </article>
  );
}

// Claim links in the report are relative; the absolute address only names the document in the data, so it
// follows the export route: APP_URL when set, otherwise the address this request came in on.
async function appUrlOf(): Promise<string> {
  return appUrlFrom(await headers());
}
