// npm run db:migrate: applies pending migrations to the database DATABASE_URL names (production deploys).
import { migrateDatabase } from '@/lib/db/migrate-database';
import { readEnv } from '@/lib/env';

const { DATABASE_URL } = readEnv();
if (!DATABASE_URL) {
  console.error(
    'Set DATABASE_URL to the database to migrate. (npm start migrates the embedded one by itself.)',
  );
  process.exit(2);
}
const applied = await migrateDatabase({ url: DATABASE_URL });
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
