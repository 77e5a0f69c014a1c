// The minimal baseline: node:http and a pg Pool of 10 (as the app's), running the workspace page's four
// queries and recordAssessment's transaction with the session check the app makes. It runs on a worker
// thread, so the load generator and the browser driver on the main thread do not share its event loop (the
// app has its own process).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { documentAgreement } from '@/lib/agreement/document-agreement';
import { can } from '@/lib/auth/permissions';
import { summaryClosedTo } from '@/lib/exports/summary-closed-to';
import { type WorkspaceClaimRow, workspaceClaims } from '@/lib/workspace/workspace-claims';
import type { WorkspaceData } from '@/lib/workspace/workspace-types';
import { workspacePage } from './baseline-page';
import { SaveInput, saveAssessment } from './baseline-save';
import { type SessionUser, sessionUser } from './session';

const WORKSPACE_DOCUMENT_SQL = `
  SELECT id, title, "sourceUrl", author, to_char("publishedOn", 'YYYY-MM-DD') AS "publishedOn",
    "reviewMode", body
  FROM "Document" WHERE id = $1::uuid AND "deletedAt" IS NULL`;
const WORKSPACE_SECTIONS_SQL = `
  SELECT id, heading FROM "Section" WHERE "documentId" = $1::uuid ORDER BY start`;
const WORKSPACE_CLAIMS_SQL = `
  SELECT c.id, c.start, c."end", c."sectionId", c.kind, c.hedged,
    CASE WHEN c.text = c.quote THEN NULL ELSE c.text END AS text,
    c."consensusVerdict", c."consensusEvidenceLevel",
    EXISTS (SELECT 1 FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS reviewed,
    m.verdict AS "myVerdict"
  FROM "Claim" c
  LEFT JOIN "Assessment" m ON m."claimId" = c.id AND m."reviewerId" = $2::uuid
  WHERE c."documentId" = $1::uuid AND c."deletedAt" IS NULL
  ORDER BY c.start, c.id`;
const WORKSPACE_RATINGS_SQL = `
  SELECT a."claimId", a."reviewerId", a.verdict, a."evidenceLevel"
  FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId"
  WHERE c."documentId" = $1::uuid AND c."deletedAt" IS NULL`;

export type BaselineOptions = { databaseUrl: string; authSecret: string };

const DOCUMENT_PATH = /^\/documents\/([0-9a-f-]{36})$/;

export async function createBaselineServer(options: BaselineOptions) {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5_000,
  });
  const server = http.createServer((req, res) => {
    handle(pool, options.authSecret, req, res).catch((e) => {
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

async function handle(pool: pg.Pool, secret: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const documentId = DOCUMENT_PATH.exec(url.pathname)?.[1];
  if (req.method === 'GET' && documentId) {
    const user = await sessionUser(pool, req.headers.cookie, secret);
    if (!user) {
      res.writeHead(302, { Location: `/login?next=${encodeURIComponent(url.pathname + url.search)}` }).end();
      return;
    }
    const data = await loadWorkspace(pool, documentId, user);
    if (!data) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found.');
      return;
    }
    const html = workspacePage({ data, user, selectedClaimId: url.searchParams.get('claim') });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
    return;
  }
  if (req.method === 'POST' && url.pathname === '/save') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    const user = await sessionUser(pool, req.headers.cookie, secret);
    if (!user) return json(401, { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });
    if (!can(user.role, 'assessment.record'))
      return json(403, { ok: false, code: 'FORBIDDEN', message: 'Your role does not allow this.' });
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    // The Server Action's body is its argument list; accept that shape as well as the bare argument.
    const parsed = SaveInput.safeParse(Array.isArray(body) ? body[0] : body);
    if (!parsed.success) return json(422, { ok: false, code: 'VALIDATION', message: 'Nothing was saved.' });
    const result = await saveAssessment(pool, user, parsed.data);
    return json(result.ok ? 200 : 409, result);
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found.');
}

/** lib/workspace/load-workspace.ts over pg: the same four queries, at once, and the same shaping. */
async function loadWorkspace(
  pool: pg.Pool,
  documentId: string,
  user: SessionUser,
): Promise<WorkspaceData | null> {
  const [documents, sections, rows, ratings] = await Promise.all([
    pool.query<WorkspaceData['document']>(WORKSPACE_DOCUMENT_SQL, [documentId]),
    pool.query<WorkspaceData['sections'][number]>(WORKSPACE_SECTIONS_SQL, [documentId]),
    pool.query<WorkspaceClaimRow>(WORKSPACE_CLAIMS_SQL, [documentId, user.id]),
    pool.query(WORKSPACE_RATINGS_SQL, [documentId]),
  ]);
  const document = documents.rows[0];
  if (!document) return null;
  const { reviewMode } = document;
  const claims = workspaceClaims(rows.rows, { role: user.role, reviewMode });
  const closed = summaryClosedTo({ reviewMode, role: user.role });
  return {
    document,
    sections: sections.rows,
    claims,
    agreement: closed ? null : documentAgreement(ratings.rows),
  };
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
