import { requireProjectUser, requireUser } from '@/lib/auth/guard';
import { AppError, errorResponse } from '@/lib/errors';
import { type LiveStream, liveEventStream } from '@/lib/live/event-stream';
import { EVERY_DOCUMENT } from '@/lib/live/review-changes';

export const dynamic = 'force-dynamic';

/** Changes are gathered this long, so a busy project costs one check per document a second, not one per save. */
const GATHER_MS = 1_000;

/**
 * GET /api/events: which of the documents the reader can see have changed, as Server-Sent Events, for the
 * dashboard and project pages to reload their counts. Each event is `change` with `{ documentIds }`, sent only
 * for documents the reader may still read, checked when it is sent; a reader whose session ended gets `end`. It
 * tells nothing of what changed: the page's reload applies the blind rule as it always does.
 */
export async function GET(request: Request) {
  try {
    await requireUser(null, request);
  } catch (e) {
    return errorResponse(e);
  }
  let gathered = new Set<string>();
  // The last change gathered: the event's id, so a reconnecting browser resumes after it (Last-Event-ID).
  let lastId: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watched = false;
  const flush = async (stream: LiveStream) => {
    const documentIds = [...gathered];
    const id = lastId;
    gathered = new Set();
    timer = undefined;
    const readable: string[] = [];
    for (const documentId of documentIds) {
      try {
        await requireProjectUser('document.read', { documentId }, { request });
        readable.push(documentId);
      } catch (e) {
        if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return stream.end();
      }
    }
    if (readable.length > 0) stream.send('change', { documentIds: readable }, id);
  };
  return liveEventStream(request, EVERY_DOCUMENT, {
    change: async (change, stream) => {
      gathered.add(change.documentId);
      lastId = change.id;
      if (timer) return;
      if (!watched) stream.onClose(() => clearTimeout(timer));
      watched = true;
      timer = setTimeout(() => void flush(stream).catch(() => stream.end()), GATHER_MS);
    },
  });
}
