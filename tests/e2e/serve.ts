// Playwright's web server: the real app, built and served exactly as `npm start` does, on a fresh database
// with the test accounts.
import path from 'node:path';
import { stopCitationSourceRunner } from '@/lib/citations/citation-source-runner';
import { buildIfStale } from '@/lib/cli/build-if-stale';
import { onShutdown } from '@/lib/cli/on-shutdown';
import { serveApp } from '@/lib/cli/serve-app';
import { prepareDatabase } from '@/lib/db/prepare-database';
import { disconnectPrisma, prisma } from '@/lib/db/prisma';
import { addProjectMember } from '@/lib/projects/add-project-member';
import { SAMPLE_PROJECT_NAME } from '@/lib/seed/seed-sample-data';
import { createUser } from '@/lib/users/create-user';
import { startCitationSourceReplay } from '@/tests/support/citation-source-replay';
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

// PubMed and Crossref, replayed from tests/fixtures/citations: the tests need no network.
const citationSources = await startCitationSourceReplay();
Object.assign(process.env, {
  PUBMED_BASE_URL: citationSources.urls.pubmed,
  CROSSREF_BASE_URL: citationSources.urls.crossref,
});

buildIfStale(root);
const db = await createTestDatabase('evidence_review_e2e');
await prepareDatabase(db.url, { demoAccounts: false });
// Every test account is a member of the sample project, with the project role of its rank (an admin leads);
// none is a member of the Sandbox, whose document the access matrix uses to check what a non-member gets.
const sample = await prisma.project.findUniqueOrThrow({ where: { name: SAMPLE_PROJECT_NAME } });
for (const account of Object.values(ACCOUNTS)) {
  const user = await createUser({ ...account, actorId: null });
  const role = account.role === 'ADMIN' ? 'LEAD' : account.role;
  await addProjectMember({ projectId: sample.id, userId: user.id, role, actorId: null });
}
// trustProxy lets each test claim its own client address (X-Forwarded-For), so the per-address sign-in limit
// one test spends is not another test's.
const app = await serveApp({ root, host: '127.0.0.1', port, trustProxy: true });
console.log(`e2e app ready on http://127.0.0.1:${port}`);

onShutdown(async () => {
  await app.close();
  await stopCitationSourceRunner();
  await citationSources.close();
  // Close the pool first: a connection still open when the server stops would raise an unhandled error.
  await disconnectPrisma();
  await db.drop();
});
