// Playwright's web server: the real app, built and served exactly as `npm start` does, on a fresh database
// with the test accounts.
import path from 'node:path';
import { buildIfStale } from '@/lib/cli/build-if-stale';
import { onShutdown } from '@/lib/cli/on-shutdown';
import { serveApp } from '@/lib/cli/serve-app';
import { prepareDatabase } from '@/lib/db/prepare-database';
import { disconnectPrisma } from '@/lib/db/prisma';
import { createUser } from '@/lib/users/create-user';
import { createTestDatabase } from '@/tests/support/test-database';
import { ACCOUNTS } from './accounts';

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);
const port = Number(process.env.E2E_PORT);
Object.assign(process.env, {
  NODE_ENV: 'production',
  PORT: String(port),
  APP_URL: `http://127.0.0.1:${port}`,
});

buildIfStale(root);
const db = await createTestDatabase('evidence_review_e2e');
await prepareDatabase(db.url, { demoAccounts: false });
for (const account of Object.values(ACCOUNTS)) await createUser({ ...account, actorId: null });
// trustProxy lets each test claim its own client address (X-Forwarded-For), so the per-address sign-in limit
// one test spends is not another test's.
const app = await serveApp({ root, host: '127.0.0.1', port, trustProxy: true });
console.log(`e2e app ready on http://127.0.0.1:${port}`);

onShutdown(async () => {
  await app.close();
  // Close the pool first: a connection still open when the server stops would raise an unhandled error.
  await disconnectPrisma();
  await db.drop();
});
