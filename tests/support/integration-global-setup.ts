import { migrateDatabase } from '@/lib/db/migrate-database';
import { createTestDatabase } from './test-database';

// One fresh, migrated database for the integration run; dropped afterwards.
export default async function setup() {
  const db = await createTestDatabase('evidence_review_it');
  await migrateDatabase({ url: db.url });
  process.env.DATABASE_URL = db.url;
  return async () => {
    await db.drop();
  };
}
