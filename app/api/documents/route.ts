import { requireProjectUser, requireUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { discardBody } from '@/lib/http/read-body';
import { answerImport } from '@/lib/imports/answer-import';
import { defaultImportProject } from '@/lib/projects/project-access';

/**
 * Import into the caller's default project, as before projects: the same request and answers as
 * POST /api/projects/{id}/documents (lib/imports/answer-import.ts).
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const signedIn = await requireUser(null, request);
    // Into the caller's default project: the first one they lead or review.
    const projectId = await defaultImportProject(signedIn);
    const { user } = await requireProjectUser('document.import', { projectId }, { request });
    return await answerImport({ request, user, projectId });
  } catch (e) {
    // A refusal before the body was read (origin, session, role) leaves no unread bytes on the connection.
    await discardBody(request);
    return errorResponse(e);
  }
}
