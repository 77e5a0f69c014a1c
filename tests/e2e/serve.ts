// Playwright's web server: the real app, built and served exactly as `npm start` does, on a fresh database.
import path from 'node:path';
import { buildIfStale } from '@/lib/cli/build-if-stale';
import { serveApp } from '@/lib/cli/serve-app';
import { prepareDatabase } from '@/lib/db/prepare-database';
import { createTestDatabase } from '@/tests/support/test-database';

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);
const port = Number(process.env.E2E_PORT);

buildIfStale(root);
const db = await createTestDatabase('evidence_review_e2e');
await prepareDatabase(db.url);
const app = await serveApp({ root, host: '127.0.0.1', port });
console.log(`e2e app ready on http://127.0.0.1:${port}`);

const stop = async () => {
  await app.close();
  await db.drop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
