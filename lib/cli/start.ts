// npm start: build if needed, bring up the database (embedded unless DATABASE_URL is set), migrate, seed, serve.
import path from 'node:path';
import { createEmbeddedOrGivenDatabase } from '@/lib/cli/database-for-start';
import { prepareDatabase } from '@/lib/db/prepare-database';
import { readEnv } from '@/lib/env';
import { buildIfStale } from './build-if-stale';
import { serveApp } from './serve-app';

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);

async function main() {
  const env = readEnv();
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  buildIfStale(root);
  const database = await createEmbeddedOrGivenDatabase(env);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app?.close();
    await database.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  let app: Awaited<ReturnType<typeof serveApp>> | undefined;
  try {
    await prepareDatabase(database.url);
    app = await serveApp({ root, host: env.HOST, port: env.PORT });
  } catch (e) {
    console.error(String((e as Error).message ?? e));
    await stop(1);
    return;
  }
  const shown = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  console.log(`Evidence review is ready at http://${shown}:${env.PORT}`);
}

main().catch((e) => {
  console.error(String((e as Error).message ?? e));
  process.exit(1);
});
