import http from 'node:http';
import { CLIENT_IP_HEADER, resolveClientIp, SERVER_SETS_CLIENT_IP } from '@/lib/http/client-ip';

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
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = resolveClientIp({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      trustProxy: options.trustProxy,
    });
    return handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
