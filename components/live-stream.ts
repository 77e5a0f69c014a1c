/** How long before a stream the browser gave up on is opened again. */
const REOPEN_MS = 5_000;

export type LiveStreamOptions = {
  /** Read at each opening, so a stream opened again can resume from the last event seen. */
  url: () => string;
  /** The server's named events (`change`, `resync`, `presence`). */
  on: Record<string, (event: MessageEvent<string>) => void>;
  /** After a stream the browser gave up on is open again: changes may have been missed meanwhile. */
  reopened?: () => void;
  /** The server closed the stream for good (`end`: access gone); it is not opened again. */
  ended?: () => void;
};

/**
 * Opens one of the app's event streams (lib/live/event-stream.ts) and keeps it open. The browser's EventSource
 * reconnects by itself after a dropped connection, but gives up for good on an answer that is not a stream (a 503
 * while the database restarts, say); such a stream is opened again a little later. Returns what closes it.
 */
export function openLiveStream(options: LiveStreamOptions): () => void {
  let source: EventSource | undefined;
  let reopening: ReturnType<typeof setTimeout> | undefined;
  const open = (again: boolean) => {
    const stream = new EventSource(options.url());
    source = stream;
    for (const [name, handle] of Object.entries(options.on)) {
      stream.addEventListener(name, handle as (event: Event) => void);
    }
    stream.addEventListener('error', () => {
      if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
      reopening = setTimeout(() => open(true), REOPEN_MS);
    });
    stream.addEventListener('end', () => {
      source = undefined;
      stream.close();
      options.ended?.();
    });
    if (again) options.reopened?.();
  };
  open(false);
  return () => {
    source?.close();
    source = undefined;
    clearTimeout(reopening);
  };
}
