import { requireProjectUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { checkReader, checkStillReads } from '@/lib/live/check-readers';
import { liveEventStream } from '@/lib/live/event-stream';

export const dynamic = 'force-dynamic';

/**
 * GET /api/documents/{id}/events: the document's review changes as Server-Sent Events, for the workspace to
 * reload what changed, and who else is on which claim. Each event is checked before it is sent: the session
 * still good, the reader still a member, and for a change the blind rule (lib/live/check-readers.ts); a
 * reader who lost access gets an `end` event and the stream closes. A browser reconnecting with Last-Event-ID
 * gets what it missed, or a `resync`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let reader: Awaited<ReturnType<typeof requireProjectUser>>['user'];
  try {
    // The reader's id cannot change while their session lasts, and each event checks the session again.
    ({ user: reader } = await requireProjectUser('document.read', { documentId: id }, { request }));
  } catch (e) {
    return errorResponse(e);
  }
  return liveEventStream(request, id.toLowerCase(), {
    // Checked with every other stream that asks about the same change: one query for all of them.
    change: async (change, stream) => {
      const delivery = await checkReader({ change, request });
      if (delivery.kind === 'send') stream.send('change', delivery.notice, change.id);
      else if (delivery.kind === 'end') stream.end();
    },
    // Who is where says nothing of anyone's judgement, so the blind rule has nothing to hold back here.
    presence: async (present, stream) => {
      if (!(await checkStillReads({ documentId: id.toLowerCase(), news: present, request }))) {
        return stream.end();
      }
      const others = present.filter((p) => p.userId !== reader.id);
      stream.send('presence', { present: others.map(({ name, claimId }) => ({ name, claimId })) });
    },
  });
}
