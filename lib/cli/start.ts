// npm start: build if needed, bring up the database (embedded unless DATABASE_URL is set), migrate, seed, serve.
import path from 'node:path';
import { stopCitationSourceRunner } from '@/lib/citations/citation-source-runner';
import { createEmbeddedOrGivenDatabase } from '@/lib/cli/database-for-start';
import { prepareDatabase } from '@/lib/db/prepare-database';
import { disconnectPrisma } from '@/lib/db/prisma';
import { readEnv } from '@/lib/env';
import { buildIfStale } from './build-if-stale';
import { onShutdown, type ShutdownSignal } from './on-shutdown';
import { printDemoAccounts } from './print-demo-accounts';
import { serveApp } from './serve-app';

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);

// How long requests in flight get to finish after SIGTERM (a process manager's stop, a rolling restart); a
// second SIGTERM or Ctrl-C does not cut it short. Process managers wait longer than this (systemd 90 s, Docker
// and Kubernetes 10 s and 30 s) before they kill.
const DRAIN_MS = 8_000;

async function main() {
  const env = readEnv();
  // Only an operator's explicit NODE_ENV=production means a real deployment (no demo accounts); the Next.js
  // runtime itself always runs in production mode here.
  const demoAccounts = env.NODE_ENV !== 'production';
  // PORT as read, default included: each pool names this instance by it (lib/db/application-name.ts).
  Object.assign(process.env, { NODE_ENV: 'production', PORT: String(env.PORT) });
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  buildIfStale(root);
  const database = await createEmbeddedOrGivenDatabase(env);
  let app: Awaited<ReturnType<typeof serveApp>> | undefined;
  const stop = async (signal?: ShutdownSignal) => {
    await app?.close({ drainMs: signal === 'SIGTERM' ? DRAIN_MS : 0 });
    // A look-up under way ends (within its timeout) before the pool it writes through is closed.
    await stopCitationSourceRunner();
    // The pool closes once its queries end; one stuck on a server that stopped answering must not hold up the
    // stop, and the embedded server is stopped either way.
    await Promise.race([disconnectPrisma(), new Promise((r) => setTimeout(r, 1_000))]);
    await database.stop();
  };
  onShutdown(stop);
  try {
    const { accounts } = await prepareDatabase(database.url, { demoAccounts });
    printDemoAccounts(accounts);
    app = await serveApp({ root, host: env.HOST, port: env.PORT, trustProxy: env.TRUST_PROXY === '1' });
  } catch (e) {
    console.error(String((e as Error).message ?? e));
    await stop();
    process.exit(1);
  }
  const shown = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  console.log(`Evidence review is ready at http://${shown}:${env.PORT}`);
}

main().catch((e) => {
  console.error(String((e as Error).message ?? e));
  process.exit(1);
});
