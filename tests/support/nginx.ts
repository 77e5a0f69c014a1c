// Debian's nginx running the repository's deploy/nginx.conf in front of app instances, as the README's "Several
// instances" says, on a port and in a folder of its own.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './test-database';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type StartedNginx = {
  url: string;
  /** What nginx logged so far: one line per request, ending with the instance that answered it. */
  accessLog: () => string;
  stop: () => void;
};

/** Starts nginx in front of `instances` (their base URLs) and waits until it answers /api/ready. */
export async function startNginx(instances: ReadonlyArray<string>): Promise<StartedNginx> {
  if (spawnSync('nginx', ['-v']).error) {
    throw new Error(
      "nginx is not installed: this test runs Debian's (apt-get install nginx), as .ci/run does.",
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-review-nginx-'));
  // mkdtemp makes it 0700: as root, nginx's unprivileged workers could not reach temp/ below it, and every request
  // body too large to buffer in memory (an import) would get a 500.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  fs.copyFileSync(path.join(ROOT, 'deploy/nginx.conf'), path.join(dir, 'nginx.conf'));
  const servers = instances.map(
    (instance) => `server ${new URL(instance).host} max_fails=1 fail_timeout=5s;`,
  );
  fs.writeFileSync(path.join(dir, 'upstream.conf'), `${servers.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'listen.conf'), `listen 127.0.0.1:${port};\n`);
  // nginx's workers run as an unprivileged user when it is started as root: they write request bodies here.
  fs.mkdirSync(path.join(dir, 'temp'), { mode: 0o777 });
  fs.chmodSync(path.join(dir, 'temp'), 0o777);
  const nginx: ChildProcess = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', `${dir}/`], {
    stdio: 'inherit',
  });
  const stop = () => {
    nginx.kill('SIGQUIT');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = await fetch(`${url}/api/ready`).catch(() => null);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) {
      stop();
      throw new Error('nginx did not answer /api/ready within 10 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8'), stop };
}
