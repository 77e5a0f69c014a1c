import { requireProjectUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { changeForReader } from '@/lib/live/change-for-reader';
import { type LiveMessage, subscribeToChanges } from '@/lib/live/review-changes';

export const dynamic = 'force-dynamic';

/** A comment line this often keeps the stream open through proxies that close a silent connection. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects (EventSource's `retry`), and after this instance stops. */
const RETRY_MS = 3_000;
const CLOSING_RETRY_MS = 500;

/**
 * GET /api/documents/{id}/events: the document's review changes as Server-Sent Events, for the workspace to
 * reload what changed. Each event is checked before it is sent: the session still good, the reader still a
 * member, and the blind rule (lib/live/change-for-reader.ts); a reader who lost access gets an `end` event and
 * the stream closes. A browser reconnecting with Last-Event-ID gets what it missed, or a `resync`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    await requireProjectUser('document.read', { documentId: id }, { request });
  } catch (e) {
    return errorResponse(e);
  }
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      // One message at a time, in order, each after its checks.
      let queue = Promise.resolve();
      const handle = async (message: LiveMessage) => {
        if (message.type === 'closing') {
          send(`retry: ${CLOSING_RETRY_MS}\n\n`);
          return stop();
        }
        if (message.type === 'resync') return send('event: resync\ndata: {}\n\n');
        let reader: Awaited<ReturnType<typeof requireProjectUser>>['user'];
        try {
          ({ user: reader } = await requireProjectUser('document.read', { documentId: id }, { request }));
        } catch {
          send('event: end\ndata: {}\n\n');
          return stop();
        }
        const notice = await changeForReader(message.change, reader);
        if (notice) send(`id: ${message.change.id}\nevent: change\ndata: ${JSON.stringify(notice)}\n\n`);
      };
      const unsubscribe = subscribeToChanges(
        id.toLowerCase(),
        (message) => {
          queue = queue.then(() => handle(message)).catch(() => stop());
        },
        request.headers.get('last-event-id'),
      );
      const heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        controller.close();
      };
      request.signal.addEventListener('abort', () => stop());
      send(`retry: ${RETRY_MS}\n\n`);
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // nginx would otherwise hold events back until its buffer fills.
      'X-Accel-Buffering': 'no',
    },
  });
}
