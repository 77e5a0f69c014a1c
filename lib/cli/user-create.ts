// npm run user:create -- --email ada@example.org --role ADMIN [--name "Ada Lovelace"]
// Makes a user, e.g. the first admin of a production database. The password is read from the
// USER_PASSWORD variable, or generated and printed once.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '@/lib/db/prepare-database';
import { disconnectPrisma } from '@/lib/db/prisma';
import { readEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createUser } from '@/lib/users/create-user';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string', default: 'ADMIN' },
    name: { type: 'string' },
  },
});
const env = readEnv();
if (!env.DATABASE_URL || !values.email) {
  console.error(
    'Usage: DATABASE_URL=postgresql://… npm run user:create -- --email you@example.org --role ADMIN',
  );
  process.exit(2);
}
const password = process.env.USER_PASSWORD || crypto.randomBytes(12).toString('base64url');
try {
  await prepareDatabase(env.DATABASE_URL, { demoAccounts: false });
  const user = await createUser({
    email: values.email,
    role: values.role?.toUpperCase() as 'ADMIN',
    name: values.name ?? values.email.split('@')[0] ?? values.email,
    password,
    actorId: null,
  });
  console.log(`Created ${user.role} ${user.email}.`);
  if (!process.env.USER_PASSWORD) console.log(`Password (shown this once): ${password}`);
} catch (e) {
  if (!(e instanceof AppError)) throw e;
  const fields = Object.values(e.details ?? {}).filter((v) => typeof v === 'string');
  console.error([e.message, ...fields].join('\n  '));
  process.exitCode = 1;
} finally {
  await disconnectPrisma();
}
