// The real app, started as `npm start` starts it, and the ways the benchmark talks to it: the sign-in
// endpoint for a session cookie, and recordAssessmentAction called over plain HTTP as the browser calls it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import type { Reply, Request } from './load';
import { send } from './load';

// Long enough for a first start that finds the build stale after all and builds it itself.
const READY_TIMEOUT_MS = 600_000;
const STOP_TIMEOUT_MS = 20_000;

export async function startApp(options: { root: string; databaseUrl: string; authSecret: string }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/start.ts'], {
    cwd: options.root,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: url,
      AUTH_SECRET: options.authSecret,
      // A real deployment: no demo accounts.
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => {
      for (const line of text.trimEnd().split('\n')) process.stderr.write(`  [app] ${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitForHealth(url, exited);
  return { url, stop: () => stopChild(child, exited) };
}

async function waitForHealth(url: string, exited: Promise<number | null>) {
  let gone: number | null | undefined;
  exited.then((code) => {
    gone = code;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone !== undefined)
      throw new Error(`The app exited (code ${gone}) before it was ready; see [app] above.`);
    const reply = await send(undefined, url, { method: 'GET', path: '/api/health' }).catch(() => null);
    if (reply?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer ${url}/api/health within ${READY_TIMEOUT_MS / 1000} s.`);
}

// SIGINT, as Ctrl-C and the e2e server's shutdown send it: the app closes its server and pool, then exits.
async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Signs in through the app's sign-in endpoint, as a script would; returns the session cookie. */
export async function signIn(url: string, account: { email: string; password: string }): Promise<string> {
  const reply = await send(undefined, url, {
    method: 'POST',
    path: '/api/auth/sign-in/email',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const setCookie = reply.headers['set-cookie'] ?? [];
  const cookie = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (reply.status !== 200 || !cookie) {
    throw new Error(`Signing in as ${account.email} failed: ${reply.status} ${reply.body.slice(0, 200)}`);
  }
  return cookie;
}

/** The Server Action's id in this build, from the manifest Next.js writes. */
export function actionId(root: string, name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`The build has no Server Action named ${name}.`);
  return found[0];
}

/** A call of a Server Action over HTTP, with the headers the browser's call carries. */
export function actionRequest(options: {
  url: string;
  path: string;
  actionId: string;
  cookie: string;
  argument: unknown;
}): Request {
  return {
    method: 'POST',
    path: options.path,
    headers: {
      'Next-Action': options.actionId,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: options.url,
      Cookie: options.cookie,
    },
    body: JSON.stringify([options.argument]),
  };
}

/**
 * The value a Server Action returned, read from its React Server Components reply: row 0 names the row that
 * holds the result ("$@1"), which is plain JSON. A re-rendered page may follow in other rows.
 */
export function actionResult(reply: Reply): unknown {
  if (reply.status !== 200)
    throw new Error(`The action answered ${reply.status}: ${reply.body.slice(0, 200)}`);
  const rows = rscRows(Buffer.from(reply.body, 'utf8'));
  const row = (id: string) => {
    const text = rows.get(id);
    return text === undefined ? undefined : JSON.parse(text);
  };
  const head = row('0');
  const result = Array.isArray(head) ? head[0] : head?.a;
  return typeof result === 'string' && result.startsWith('$@') ? row(result.slice(2)) : result;
}

// A length-prefixed row (text "T", or a typed array) says its size in bytes in hex, and may hold newlines.
const SIZED_ROW = /^[A-Za-z]([0-9a-f]+),/;

/** The rows of a React Server Components stream (`<hex id>:<payload>`), by id; sized rows are skipped. */
function rscRows(bytes: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon === -1) break;
    const id = bytes.toString('latin1', at, colon);
    const sized = SIZED_ROW.exec(bytes.toString('latin1', colon + 1, colon + 20));
    if (sized) {
      at = colon + 1 + (sized[0]?.length ?? 0) + Number.parseInt(sized[1] ?? '0', 16);
      continue;
    }
    const newline = bytes.indexOf(0x0a, colon);
    const end = newline === -1 ? bytes.length : newline;
    rows.set(id, bytes.toString('utf8', colon + 1, end));
    at = end + 1;
  }
  return rows;
}
