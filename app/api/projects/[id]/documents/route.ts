import { requireProjectUser, requireUser } from '@/lib/auth/guard';
import { listDocuments } from '@/lib/documents/list-documents';
import { errorResponse } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { discardBody } from '@/lib/http/read-body';
import { answerImport } from '@/lib/imports/answer-import';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** The project's documents with their review progress, for scripts; 404 to a non-member. */
export async function GET(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const { access } = await requireProjectUser('document.read', { projectId: id }, { request });
    // The instance role, not the project role the guard returns: listDocuments applies the project role itself.
    const reader = await requireUser(null, request);
    const documents = await listDocuments({ reader, projectId: access.projectId });
    return Response.json({ documents }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

/**
 * Import into this project: the same request and answers as POST /api/documents (lib/imports/answer-import.ts);
 * 404 to a non-member, 403 to a member whose project role may not import.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    assertSameOrigin(request);
    const { id } = await params;
    const { user, access } = await requireProjectUser('document.import', { projectId: id }, { request });
    return await answerImport({ request, user, projectId: access.projectId });
  } catch (e) {
    // A refusal before the body was read (origin, session, role) leaves no unread bytes on the connection.
    await discardBody(request);
    return errorResponse(e);
  }
}
