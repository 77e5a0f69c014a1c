// Where the embedded PostgreSQL's binaries and data are, and which user runs it. PostgreSQL refuses to run as
// root, so as root it runs as the `postgres` system user; that user must reach the binaries and the data, which a
// checkout in a private directory (root's home, mode 0700) does not let it. Then the binaries are copied, and the
// default data folder is kept, under SHARED_DIR.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SHARED_DIR = '/var/lib/evidence-review';

export type ServerUser = { uid: number; gid: number };

export type ServerFiles = {
  postgres: string;
  initdb: string;
  dataDir: string;
  /** Set when the app runs as root: the server runs as this user. */
  user?: ServerUser;
  /** Set when the data could not stay where it was asked for: the folder asked for. */
  movedFrom?: string;
};

/**
 * The binaries and data folder for the server, reachable by the user it runs as. `movableData`: the data folder
 * is the default one, and may be kept under SHARED_DIR instead; a folder the operator chose is never moved.
 */
export async function serverFiles(options: { dataDir: string; movableData: boolean }): Promise<ServerFiles> {
  const binaries = await packageBinaries();
  const dataDir = path.resolve(options.dataDir);
  if (process.getuid?.() !== 0) return { ...binaries, dataDir };
  const user = postgresUser();
  const reachable = canRun(user, binaries.postgres) ? binaries : copyBinaries(binaries);
  if (canReachFolder(user, dataDir)) return { ...reachable, dataDir: ownedData(user, dataDir), user };
  if (!options.movableData) {
    throw new Error(
      `The embedded PostgreSQL runs as the postgres user when the app runs as root, and that user cannot reach ${dataDir}: ` +
        `set EMBEDDED_POSTGRES_DIR to a folder it can reach, such as ${SHARED_DIR}/data, or leave it unset.`,
    );
  }
  const hash = crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const moved = path.join(SHARED_DIR, `data-${hash}`);
  return { ...reachable, dataDir: ownedData(user, moved), user, movedFrom: dataDir };
}

// The platform package that embedded-postgres depends on holds the binaries; embedded-postgres finds it the same way.
async function packageBinaries(): Promise<{ postgres: string; initdb: string }> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const embedded = createRequire(import.meta.url).resolve('embedded-postgres');
  let entry: string;
  try {
    entry = createRequire(embedded).resolve(name);
  } catch {
    throw new Error(`The embedded PostgreSQL has no binaries for this machine (${name} is not installed).`);
  }
  const { postgres, initdb } = (await import(pathToFileURL(entry).href)) as {
    postgres: string;
    initdb: string;
  };
  return { postgres, initdb };
}

function postgresUser(): ServerUser {
  const id = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return id();
  } catch {
    console.log(
      'Creating the system user "postgres" to run the embedded PostgreSQL (it refuses to run as root).',
    );
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      stdio: 'inherit',
    });
    return id();
  }
}

function canRun(user: ServerUser, binary: string): boolean {
  return spawnSync(binary, ['--version'], { ...user, stdio: 'ignore' }).status === 0;
}

/** The user can pass through the nearest existing folder above `dir`, so `dir`, made there and owned by it, is its. */
function canReachFolder(user: ServerUser, dir: string): boolean {
  let existing = path.dirname(dir);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  return spawnSync('test', ['-x', existing], { ...user, stdio: 'ignore' }).status === 0;
}

/** A copy of the platform package's binaries, libraries and share files, made once per version. */
function copyBinaries(binaries: { postgres: string; initdb: string }) {
  const native = path.dirname(path.dirname(binaries.postgres));
  const { version } = JSON.parse(fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8'));
  const copy = path.join(SHARED_DIR, `postgres-${version}-${process.platform}-${process.arch}`);
  const relocate = (binary: string) => path.join(copy, path.relative(native, binary));
  if (!fs.existsSync(relocate(binaries.postgres))) {
    makeFolder(SHARED_DIR);
    const partial = `${copy}.partial-${process.pid}`;
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.renameSync(partial, copy);
    console.log(
      `Copied the embedded PostgreSQL's binaries to ${copy}, where the postgres user can reach them.`,
    );
  }
  return { postgres: relocate(binaries.postgres), initdb: relocate(binaries.initdb) };
}

/** The data folder, made if missing, with the folders above it that this makes open for passing through. */
function ownedData(user: ServerUser, dataDir: string): string {
  makeFolder(path.dirname(dataDir));
  if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { mode: 0o700 });
  fs.chownSync(dataDir, user.uid, user.gid);
  return dataDir;
}

// A root umask of 077 would make new folders closed to the postgres user.
function makeFolder(dir: string) {
  const first = fs.mkdirSync(dir, { recursive: true });
  if (!first) return;
  for (let d = dir; d.length >= first.length; d = path.dirname(d)) fs.chmodSync(d, 0o755);
}
