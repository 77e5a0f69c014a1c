import { ensureAuthSecret } from '@/lib/auth/ensure-auth-secret';
import { seedDemoAccounts } from '@/lib/seed/seed-demo-accounts';
import { seedSampleData } from '@/lib/seed/seed-sample-data';
import { createDatabaseIfMissing } from './create-database-if-missing';
import { migrateDatabase } from './migrate-database';

/**
 * Everything a database needs before the app serves from it: it exists, it is migrated, it is seeded, and the
 * cookie secret is known. Demo accounts only outside production, and only into a database with no users.
 */
export async function prepareDatabase(
  url: string,
  options: { demoAccounts: boolean; log?: (line: string) => void },
) {
  const log = options.log ?? console.log;
  if (await createDatabaseIfMissing(url)) log(`Created database ${new URL(url).pathname.slice(1)}.`);
  const applied = await migrateDatabase({ url });
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}.`);
  process.env.DATABASE_URL = url;
  await ensureAuthSecret();
  const { created } = await seedSampleData();
  for (const line of created) log(`Loaded ${line}.`);
  const accounts = options.demoAccounts ? await seedDemoAccounts() : [];
  return { accounts };
}
