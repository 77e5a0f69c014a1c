import { z } from 'zod';
import { requireProjectUser, requireUser } from '@/lib/auth/guard';
import { errorResponse, STATUS, validationFailure } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { readJson } from '@/lib/http/read-json';
import { announcePresence } from '@/lib/live/announce-presence';

export const dynamic = 'force-dynamic';

const Input = z.object({
  claimId: z.uuid({ error: 'Name the claim you are on by its id, or send null when you leave.' }).nullable(),
});

/**
 * POST /api/documents/{id}/presence with `{ "claimId": "…" }`: "I am on this claim", which the workspace sends
 * when its reader chooses a claim and every 10 s while the tab shows; `{ "claimId": null }` when it closes or
 * hides. The other readers' event streams say so (lib/live/presence.ts). Nothing is written. 204 when told.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const signedIn = await requireUser(null, request);
    const body = await readJson(request, { maxBytes: 1024, tooLarge: 'Send only the claim id.' });
    const { id } = await params;
    const { user } = await requireProjectUser(
      'document.read',
      { documentId: id },
      { request, user: signedIn },
    );
    const parsed = Input.safeParse(body);
    if (!parsed.success) {
      const failure = validationFailure(parsed.error.issues);
      return Response.json(failure, { status: STATUS.VALIDATION });
    }
    const claimId = parsed.data.claimId?.toLowerCase() ?? null;
    await announcePresence({ documentId: id.toLowerCase(), userId: user.id, name: user.name, claimId });
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
