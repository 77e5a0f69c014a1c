import crypto from 'node:crypto';
import { prisma } from '@/lib/db/prisma';

const KEY = 'auth_secret';

/**
 * The secret that signs session cookies: AUTH_SECRET when set, otherwise one made once and kept in the
 * database, so sessions survive restarts and every app instance on the same database agrees on it.
 */
export async function ensureAuthSecret(): Promise<void> {
  if (process.env.AUTH_SECRET) return;
  await prisma.appSetting.createMany({
    data: [{ key: KEY, value: crypto.randomBytes(32).toString('base64url') }],
    skipDuplicates: true,
  });
  const { value } = await prisma.appSetting.findUniqueOrThrow({ where: { key: KEY } });
  process.env.AUTH_SECRET = value;
}
