import { seedSampleData } from '@/lib/seed/seed-sample-data';
import { createDatabaseIfMissing } from './create-database-if-missing';
import { migrateDatabase } from './migrate-database';

/** Everything a database needs before the app serves from it: it exists, it is migrated, it is seeded. */
export async function prepareDatabase(url: string, log: (line: string) => void = console.log) {
  if (await createDatabaseIfMissing(url)) log(`Created database ${new URL(url).pathname.slice(1)}.`);
  const applied = await migrateDatabase({ url });
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}.`);
  process.env.DATABASE_URL = url;
  const { created } = await seedSampleData();
  for (const line of created) log(`Loaded ${line}.`);
}
