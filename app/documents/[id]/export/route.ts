import { requireProjectUser } from '@/lib/auth/guard';
import { readMayLag } from '@/lib/db/replica-reads';
import { AppError, errorResponse } from '@/lib/errors';
import {
  alwaysEmptyExport,
  EXPORT_FORMATS,
  exportFileName,
  isExportFormat,
} from '@/lib/exports/export-formats';
import { exportInWorker, readableStreamOf } from '@/lib/exports/export-in-worker';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { parseReviewFilter } from '@/lib/exports/review-filter';
import { appUrlFrom } from '@/lib/http/app-url';

// The export worker and the streaming body need Node's APIs.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /documents/{id}/export?format=md|csv|json|jsonld|annotations|pdf[&only=conflicts|unsupported][&section=id]
 * Everything that can fail with a status (session, format, filter, document, blind review) is checked before
 * the first byte; the claims then stream. A format that the filter always leaves empty (alwaysEmptyExport) is a
 * bad request; one that is empty only for want of matching claims is served, empty (emptyExportReason).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const { user } = await requireProjectUser('document.export', { documentId: id }, { request });
    const url = new URL(request.url);
    const format = url.searchParams.get('format') ?? 'json';
    if (!isExportFormat(format)) {
      throw new AppError(
        'BAD_REQUEST',
        `Unknown export format "${format}". Use one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`,
      );
    }
    const filter = parseReviewFilter(url.searchParams);
    const empty = alwaysEmptyExport(format, filter);
    if (empty) {
      const others = Object.keys(EXPORT_FORMATS).filter(
        (f) => isExportFormat(f) && !alwaysEmptyExport(f, filter),
      );
      throw new AppError(
        'BAD_REQUEST',
        `${empty} Leave out only=${filter.only}, or use another format: ${others.join(', ')}.`,
      );
    }
    const appUrl = appUrlFrom(request.headers, request.url);
    // From the read replica when there is one, and the reader's own writes are on it (ADR 0024).
    const { value: header, from } = await readMayLag(user, (from) =>
      loadReviewHeader({ documentId: id, reader: user, filter, appUrl, exportedAt: new Date(), from }),
    );
    const { contentType, extension } = EXPORT_FORMATS[format];
    const chunks = exportInWorker(format, header, { documentId: header.document.id, filter, appUrl, from });
    return new Response(readableStreamOf(chunks), {
      headers: {
        'Content-Type': contentType,
        'Content-Disposition': `attachment; filename="${exportFileName(header, extension)}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    // A query string is not a form: a filter it cannot read is a bad request, like an unknown format.
    if (e instanceof AppError && e.code === 'VALIDATION')
      return errorResponse(new AppError('BAD_REQUEST', e.message));
    return errorResponse(e);
  }
}
