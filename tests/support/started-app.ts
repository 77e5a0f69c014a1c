// The app as `npm start` runs it, in a process of its own (its own process group, as in a terminal), on a free
// port, with the demo accounts its first start prints.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './test-database';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type StartedApp = {
  url: string;
  pid: number;
  output: () => string;
  /** The password the first start printed for this demo account. */
  passwordOf: (email: string) => string;
  signIn: (email: string) => Promise<string>;
  exited: () => boolean;
  /** Ctrl-C, as a terminal sends it to the whole process group; resolves with how long the app took to exit. */
  interrupt: () => Promise<number>;
  /** SIGTERM to the app's process, as a process manager stops it; resolves with its exit code once it exits. */
  terminate: () => Promise<{ code: number | null; ms: number }>;
};

/** Starts the app on a free port, or on `env.PORT` (an instance started again where its balancer expects it). */
export async function startApp(env: Record<string, string>): Promise<StartedApp> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const { DATABASE_URL: _, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/start.ts'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const pid = child.pid as number;
  try {
    await untilReady(child, () => output);
  } catch (e) {
    if (child.exitCode === null) process.kill(-pid, 'SIGINT');
    await exit;
    throw e;
  }
  const passwordOf = (email: string) => {
    const line = output.split('\n').find((l) => l.trim().split(/\s+/)[1] === email);
    if (!line) throw new Error(`The first start printed no demo account ${email}:\n${output}`);
    return line.trim().split(/\s+/)[2] as string;
  };
  return {
    url,
    pid,
    output: () => output,
    passwordOf,
    signIn: async (email) => {
      const res = await fetch(`${url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: passwordOf(email) }),
      });
      if (!res.ok) throw new Error(`Sign-in as ${email} answered ${res.status}: ${await res.text()}`);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    interrupt: async () => {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) process.kill(-pid, 'SIGINT');
      await exit;
      return Date.now() - started;
    },
    terminate: async () => {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGTERM');
      const code = await exit;
      return { code, ms: Date.now() - started };
    },
  };
}

async function untilReady(child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (!/Evidence review is ready at/.test(output())) {
    if (child.exitCode !== null) throw new Error(`The app exited while starting:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`The app did not start within 2 minutes:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
