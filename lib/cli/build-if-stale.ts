// `npm start` on a fresh clone has no build yet, and after a pull the build may be stale. Build only then:
// a fingerprint of the sources that go into the build is stored beside it.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const INPUTS = [
  'app',
  'components',
  'lib',
  'prisma/schema.prisma',
  'next.config.js',
  'proxy.ts',
  'postcss.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];
const FINGERPRINT = '.next/source-fingerprint';
// Settings read at build time and baked into the build (next.config.js, Next.js itself): a change rebuilds too.
// Only a hash of them is stored.
const BUILD_SETTINGS = ['APP_BUILD_ID', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY'];

export function buildIfStale(root: string) {
  const fingerprint = buildFingerprint(root, process.env);
  const file = path.join(root, FINGERPRINT);
  const built = fs.existsSync(path.join(root, '.next/BUILD_ID')) && fs.existsSync(file);
  if (built && fs.readFileSync(file, 'utf8') === fingerprint) return;
  console.log('Building the app (first start, or the sources changed)…');
  const result = spawnSync(
    process.execPath,
    [createRequire(import.meta.url).resolve('next/dist/bin/next'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (result.status !== 0) throw new Error('The build failed; see the output above.');
  fs.writeFileSync(file, fingerprint);
}

/** A hash of the sources that go into the build and of the settings baked into it. */
export function buildFingerprint(root: string, env: Record<string, string | undefined>): string {
  const hash = crypto.createHash('sha256');
  for (const name of BUILD_SETTINGS)
    hash
      .update(name)
      .update('=')
      .update(env[name] ?? '')
      .update('\0');
  const visit = (p: string) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        if (name === 'generated' || name === 'node_modules') continue;
        visit(path.join(p, name));
      }
    } else {
      hash.update(p).update('\0').update(fs.readFileSync(full)).update('\0');
    }
  };
  for (const input of INPUTS) visit(input);
  return hash.digest('hex');
}
