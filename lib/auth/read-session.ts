import { prisma } from '@/lib/db/prisma';
import type { Role } from './permissions';

export type SessionRow = {
  sessionId: string;
  createdAt: Date;
  expiresAt: Date;
  userId: string;
  name: string;
  email: string;
  role: Role;
  deactivatedAt: Date | null;
};

/** The session with this token and its user, in one round trip (every request asks), or null. */
export async function readSession(token: string): Promise<SessionRow | null> {
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id::text AS "sessionId", s."createdAt", s."expiresAt", u.id::text AS "userId", u.name, u.email,
      u.role::text AS role, u."deactivatedAt"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.token = ${token}`;
  return row ?? null;
}
