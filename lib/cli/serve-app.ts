import http from 'node:http';
import type { Duplex } from 'node:stream';
import { CLIENT_IP_HEADER, resolveClientIp, SERVER_SETS_CLIENT_IP } from '@/lib/http/client-ip';
import { isDraining, markDraining } from '@/lib/http/draining';
import { closeAllStreams } from '@/lib/live/review-changes';

// A request's address and headers together, at most. Next.js echoes the address in its redirects (twice, in
// Location and Refresh, when it folds a `//`), and an HTTP client refuses an answer whose headers pass 16 KB,
// so an address of more than about 8 KB would get an answer no client can read. 7 KB leaves room for the
// answer's other headers; the app's own addresses are under 1 KB.
export const MAX_REQUEST_HEAD_BYTES = 7 * 1024;

/**
 * Serves the built app from this process, so the app and its embedded database live and die together. Every
 * request goes to Next.js; this server only decides the client's address first (lib/http/client-ip.ts).
 */
export async function serveApp(options: { root: string; host: string; port: number; trustProxy: boolean }) {
  // Next.js resets process.env to what it was when it was first loaded (plus .env files). Variables this
  // process set since (DATABASE_URL, AUTH_SECRET, …) are put back once it is ready.
  const ours = { ...process.env, [SERVER_SETS_CLIENT_IP]: '1' };
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: options.root, hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  Object.assign(process.env, ours);
  const server = http.createServer({ maxHeaderSize: MAX_REQUEST_HEAD_BYTES }, (req, res) => {
    // Once stopping, each answer closes its connection, so a kept-alive client opens its next one elsewhere.
    if (isDraining()) res.setHeader('Connection', 'close');
    req.headers[CLIENT_IP_HEADER] = resolveClientIp({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      trustProxy: options.trustProxy,
    });
    return handle(req, res);
  });
  server.on('clientError', (error, socket) => answerClientError(error, socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return {
    /**
     * Stops taking connections. Requests already being answered get up to `drainMs` to finish (a rolling
     * restart behind a load balancer loses none); with 0, or once that time is up, every connection is cut.
     */
    close: ({ drainMs = 0 }: { drainMs?: number } = {}) =>
      new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), drainMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        // A kept-alive connection with no request in flight would otherwise hold the close until it times out.
        server.closeIdleConnections();
        markDraining();
        // Live-update streams never finish by themselves: they end now, and their browsers reconnect elsewhere.
        closeAllStreams();
      }),
  };
}

/** Node's own answer to a request it cannot parse has no body; this one says what to fix. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const message = `This address and its headers are longer than ${MAX_REQUEST_HEAD_BYTES / 1024} KB. Shorten the address (its query in particular) and try again.\n`;
    socket.end(
      `HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
    );
    return;
  }
  const status = error.code === 'HPE_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}
