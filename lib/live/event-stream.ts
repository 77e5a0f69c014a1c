import type { Present } from './presence';
import { type ReviewChange, subscribeToChanges } from './review-changes';

/** A comment line this often keeps the stream open through proxies that close a silent connection. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects (EventSource's `retry`), and after this instance stops. */
const RETRY_MS = 3_000;
const CLOSING_RETRY_MS = 500;

export type LiveStream = {
  /** Sends one event; `id` makes it the stream's Last-Event-ID for a reconnect. */
  send(event: string, data: unknown, id?: string): void;
  /** Tells the browser the stream is over for good (`end`) and closes it. */
  end(): void;
  /** Runs `cleanup` when the stream closes, however it closes. */
  onClose(cleanup: () => void): void;
};

/** What a stream does with each change and each news of who is where; each decides what this reader is sent. */
export type LiveHandlers = {
  change: (change: ReviewChange, stream: LiveStream) => Promise<void>;
  presence?: (present: Present[], stream: LiveStream) => Promise<void>;
};

/**
 * A Server-Sent Events response fed by this instance's review changes (lib/live/review-changes.ts) on one
 * document, or on every document. The handlers run one at a time and in order. The rest is the same for every
 * stream: `resync` when changes may have been missed, a heartbeat, a quick reconnect when this instance stops,
 * and resuming from Last-Event-ID.
 */
export function liveEventStream(request: Request, documentId: string, handlers: LiveHandlers): Response {
  const encoder = new TextEncoder();
  let close = (_cancelled?: boolean) => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const cleanups: Array<() => void> = [];
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const stream: LiveStream = {
        send: (event, data, id) =>
          write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        end: () => {
          stream.send('end', {});
          close();
        },
        onClose: (cleanup) => cleanups.push(cleanup),
      };
      let queue = Promise.resolve();
      const unsubscribe = subscribeToChanges(
        documentId,
        (message) => {
          if (message.type === 'closing') {
            write(`retry: ${CLOSING_RETRY_MS}\n\n`);
            return close();
          }
          if (message.type === 'resync') return stream.send('resync', {});
          const handle = () =>
            message.type === 'change'
              ? handlers.change(message.change, stream)
              : handlers.presence?.(message.present, stream);
          queue = queue.then(() => (open ? handle() : undefined)).catch(() => close());
        },
        // The browser's own on a reconnect; on the first connection, where the page's data was read (?since=).
        request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('since'),
      );
      const heartbeat = setInterval(() => write(': still here\n\n'), HEARTBEAT_MS);
      close = (cancelled = false) => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        for (const cleanup of cleanups) cleanup();
        // A stream its reader cancelled is closed already; closing it again throws.
        if (!cancelled) controller.close();
      };
      request.signal.addEventListener('abort', () => close());
      write(`retry: ${RETRY_MS}\n\n`);
    },
    cancel() {
      close(true);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // nginx would otherwise hold events back until its buffer fills.
      'X-Accel-Buffering': 'no',
    },
  });
}
