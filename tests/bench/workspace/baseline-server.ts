// The baseline a competitor would write: node:http and a pg Pool of 10 (as many connections as the app's),
// serving the workspace page and the save with its own SQL, session check and HTML, and the app's security
// headers. It runs on a worker thread, so the load generator and the browser driver on the main thread do not
// share its event loop (the app has its own process).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { workspacePage } from './baseline-page';
import { saveAssessment } from './baseline-save';
import { viewerOf } from './baseline-session';

export type BaselineOptions = { databaseUrl: string; authSecret: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const WORKSPACE = new RegExp(`^/documents/(${UUID})$`, 'i');
const ASSESSMENT = new RegExp(`^/api/claims/(${UUID})/assessment$`, 'i');
const MAX_SAVE_BYTES = 32 * 1024;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

export async function createBaselineServer(options: BaselineOptions) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    route(pool, options.authSecret, req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Something went wrong on our side.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}

async function route(pool: pg.Pool, secret: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://baseline');
  const documentId = WORKSPACE.exec(url.pathname)?.[1];
  const claimId = ASSESSMENT.exec(url.pathname)?.[1];
  if (req.method === 'GET' && documentId) {
    const viewer = await viewerOf(pool, req.headers.cookie, secret);
    if (!viewer) {
      res.writeHead(303, { Location: `/login?next=${encodeURIComponent(url.pathname + url.search)}` }).end();
      return;
    }
    const page = await workspacePage(pool, viewer, documentId, url.searchParams.get('claim'));
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('This document was not found.');
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': `default-src 'self'; script-src 'nonce-${page.nonce}'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`,
      })
      .end(page.html);
    return;
  }
  if (req.method === 'PUT' && claimId) {
    const { status, body } = await save(pool, secret, req, claimId);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found.');
}

async function save(pool: pg.Pool, secret: string, req: http.IncomingMessage, claimId: string) {
  const refused = (status: number, code: string, message: string) => ({
    status,
    body: { ok: false, code, message },
  });
  // A browser names its page's origin on a write; a forged cross-site write names another.
  if (req.headers['sec-fetch-site'] === 'cross-site' || !sameOrigin(req))
    return refused(403, 'FORBIDDEN', 'Cross-site requests are not accepted.');
  const viewer = await viewerOf(pool, req.headers.cookie, secret);
  if (!viewer) return refused(401, 'UNAUTHENTICATED', 'Sign in to continue.');
  if (viewer.role === 'VIEWER') return refused(403, 'FORBIDDEN', 'Viewers cannot assess claims.');
  if (!req.headers['content-type']?.startsWith('application/json'))
    return refused(422, 'VALIDATION', 'Send the assessment as JSON.');
  const body = await readBody(req, MAX_SAVE_BYTES);
  if (body === null) return refused(413, 'VALIDATION', 'A save can be at most 32 KB.');
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return refused(422, 'VALIDATION', 'The body is not valid JSON.');
  }
  return saveAssessment(pool, viewer, claimId, input);
}

function sameOrigin(req: http.IncomingMessage): boolean {
  const { origin, host } = req.headers;
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The whole body as text, or null when it is over the limit (read to its end all the same, for keep-alive). */
async function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/** Starts the baseline on its own worker thread; resolves once it listens. */
export async function startBaseline(options: BaselineOptions) {
  // Workers do not inherit --import tsx, so the worker registers tsx itself before loading the TypeScript.
  const entry = new URL('./baseline-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: options },
  );
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { port: number }) => resolve(message.port));
    worker.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const closed = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await closed;
    },
  };
}
