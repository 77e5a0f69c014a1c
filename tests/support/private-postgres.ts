// A PostgreSQL server of the test's own, from the machine's PostgreSQL binaries (the same ones the machine's
// server runs), in a temporary folder on a free port: a test may stop and start it without disturbing anyone
// else's tests on the machine's server. Run as the postgres user when the tests run as root.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './test-database';

const run = promisify(execFile);

export type PrivatePostgres = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Pauses its processes (SIGSTOP): a server that takes connections and answers nothing. Returns the resume. */
  freeze: () => () => void;
  /** Stops it if it runs and removes its folder. */
  remove: () => Promise<void>;
  /**
   * A hot standby of this server in a folder of its own, copied with pg_basebackup and kept up to date by
   * streaming replication (initdb's defaults allow both from 127.0.0.1), started on a free port.
   */
  replicate: () => Promise<PrivatePostgres>;
};

export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const { dir, pg } = await serverFolder();
  await pg('initdb', [
    '-D',
    path.join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  return serve(dir, pg);
}

type Tool = (tool: string, args: string[]) => Promise<unknown>;

async function serverFolder(): Promise<{ dir: string; pg: Tool }> {
  const bin = machinePostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-review-pg-'));
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (user) fs.chownSync(dir, user.uid, user.gid);
  // Asynchronous, so the load the test runs meanwhile is not held up.
  const pg: Tool = (tool, args) => run(path.join(bin, tool), args, { ...user, cwd: dir });
  return { dir, pg };
}

async function serve(dir: string, pg: Tool): Promise<PrivatePostgres> {
  const data = path.join(dir, 'data');
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`;
  const start = async () => {
    await pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);
  };
  const stop = async () => {
    await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    freeze: () => {
      const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' });
      const pids = [postmaster, ...children.split('\n').filter(Boolean).map(Number)];
      for (const pid of pids) process.kill(pid, 'SIGSTOP');
      return () => {
        for (const pid of pids) process.kill(pid, 'SIGCONT');
      };
    },
    remove: async () => {
      if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
        await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    replicate: async () => {
      const standby = await serverFolder();
      // -R writes standby.signal and the primary_conninfo that streams from this server.
      await standby.pg('pg_basebackup', [
        ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
        ...['-D', path.join(standby.dir, 'data'), '-R', '-X', 'stream', '--no-sync'],
      ]);
      return serve(standby.dir, standby.pg);
    },
  };
}

/** The machine's PostgreSQL 15 binaries (Debian's layout), or PG_BIN_DIR. */
function machinePostgresBin(): string {
  const bin = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
  if (!fs.existsSync(path.join(bin, 'pg_ctl'))) {
    throw new Error(
      `No PostgreSQL binaries in ${bin}: install PostgreSQL 15 (apt-get install -y postgresql-15), or set PG_BIN_DIR.`,
    );
  }
  return bin;
}

function postgresUser() {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}
