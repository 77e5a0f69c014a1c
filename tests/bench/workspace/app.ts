// The real app, started as `npm start` starts it, and its sign-in endpoint for a session cookie.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { SESSION_COOKIE } from './baseline-session';
import { send } from './load';

// Long enough for a first start that finds the build stale after all and builds it itself.
const READY_TIMEOUT_MS = 600_000;
const STOP_TIMEOUT_MS = 20_000;

/** `env`: more variables for the app's process, such as NODE_OPTIONS for a bench's probe inside it. */
export async function startApp(options: {
  root: string;
  databaseUrl: string;
  authSecret: string;
  env?: Record<string, string>;
}) {
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
      ...options.env,
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
  // The server runs in this process itself (lib/cli/serve-app.ts), so its pid is the one to watch.
  return { url, pid: child.pid as number, stop: () => stopChild(child, exited) };
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
