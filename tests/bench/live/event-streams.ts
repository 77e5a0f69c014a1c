// Browsers' event streams, as cheap to hold as they can be on the bench's side: a raw socket per stream that
// sends the GET an EventSource sends and notes when each `change` event arrives. The bench holds a thousand of
// them and times fifty in one process, so the receiving side must add as little as it can to what it measures.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const OPEN_TIMEOUT_MS = 30_000;
const CHANGE = 'event: change\n';

export type EventStream = {
  /** performance.now() at which each `change` event arrived, in order. */
  arrivals: number[];
  /** Everything received, for checking afterwards what each event said. */
  text: () => string;
  close: () => void;
};

export function openEventStream(base: string, documentId: string, cookie: string): Promise<EventStream> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    socket.setNoDelay(true);
    const arrivals: number[] = [];
    let text = '';
    let scanned = 0;
    let open = false;
    const timer = setTimeout(() => fail(new Error('no answer')), OPEN_TIMEOUT_MS);
    const fail = (e: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new Error(`An event stream did not open: ${e.message} ${text.slice(0, 300)}`));
    };
    socket.on('error', (e) => (open ? undefined : fail(e)));
    socket.on('close', () => (open ? undefined : fail(new Error('closed'))));
    socket.on('data', (chunk: Buffer) => {
      const at = performance.now();
      text += chunk.toString('latin1');
      for (let i = text.indexOf(CHANGE, scanned); i >= 0; i = text.indexOf(CHANGE, scanned)) {
        arrivals.push(at);
        scanned = i + CHANGE.length;
      }
      if (!open && text.includes('retry:')) {
        if (!text.startsWith('HTTP/1.1 200')) return fail(new Error('refused'));
        open = true;
        clearTimeout(timer);
        resolve({ arrivals, text: () => text, close: () => socket.destroy() });
      }
    });
    socket.write(
      `GET /api/documents/${documentId}/events HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n` +
        `Cache-Control: no-cache\r\nCookie: ${cookie}\r\n\r\n`,
    );
  });
}

/** Opens one stream per cookie, `at once` at a time, as a team's browsers arrive. */
export async function openEventStreams(
  base: string,
  documentId: string,
  cookies: string[],
  atOnce = 50,
): Promise<EventStream[]> {
  const streams: EventStream[] = [];
  for (let i = 0; i < cookies.length; i += atOnce) {
    const batch = cookies.slice(i, i + atOnce);
    streams.push(...(await Promise.all(batch.map((c) => openEventStream(base, documentId, c)))));
  }
  return streams;
}
