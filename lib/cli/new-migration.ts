// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema.
import fs from 'node:fs';
import path from 'node:path';
import { diffSchemaAgainstMigrations } from '@/lib/db/schema-diff';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Name the migration, for example: npm run db:migration -- add-citations');
  process.exit(2);
}

const migrationsDir = 'prisma/migrations';
const lock = path.join(migrationsDir, 'migration_lock.toml');
// The engine reads the provider from the lock file, so the very first migration needs it too.
if (!fs.existsSync(lock)) {
  fs.mkdirSync(migrationsDir, { recursive: true });
  fs.writeFileSync(lock, 'provider = "postgresql"\n');
}
const sql = await diffSchemaAgainstMigrations({ schemaPath: 'prisma/schema.prisma', migrationsDir });
if (!sql.trim()) {
  console.log('schema.prisma and prisma/migrations already agree: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${path.join(dir, 'migration.sql')}`);
