import http from 'node:http';
import next from 'next';

/** Serves the built app from this process, so the app and its embedded database live and die together. */
export async function serveApp(options: { root: string; host: string; port: number }) {
  const app = next({ dev: false, dir: options.root, hostname: options.host, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => handle(req, res));
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
