import { requireProjectUser } from '@/lib/auth/guard';
import { importText } from '@/lib/documents/import-input';
import { errorResponse } from '@/lib/errors';
import { appUrlFrom } from '@/lib/http/app-url';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { discardBody } from '@/lib/http/read-body';
import { readImportInput } from '@/lib/imports/answer-import';
import { importNewVersion } from '@/lib/versions/import-new-version';

export const dynamic = 'force-dynamic';

/**
 * POST /api/documents/{id}/versions: a new version of the document's text, sent as an import is (JSON
 * `{text, format, title?, author?, sourceUrl?, publishedOn?}`, or multipart with a `file`, which may be a PDF), by whoever may import
 * into its project. The claims are re-anchored into it (lib/versions/import-new-version.ts). Answers 201 with
 * the new version's number and how many claims were kept, moved, changed, orphaned and added.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { id } = await params;
    const { user } = await requireProjectUser('document.import', { documentId: id }, { request });
    const input = await readImportInput(request);
    const counts = await importNewVersion({
      documentId: id.toLowerCase(),
      ...(input.format === 'PDF'
        ? { format: 'PDF', file: { fileName: input.fileName, bytes: input.input as Uint8Array } }
        : {
            format: input.format,
            text: typeof input.input === 'string' ? input.input : importText(input.input),
          }),
      ...input.fields,
      actorId: user.id,
      appUrl: appUrlFrom(request.headers, request.url),
    });
    return Response.json(counts, { status: 201, headers: { Location: `/documents/${id.toLowerCase()}` } });
  } catch (e) {
    // A refusal before the body was read (origin, session, role) leaves no unread bytes on the connection.
    await discardBody(request);
    return errorResponse(e);
  }
}
