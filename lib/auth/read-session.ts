import { sqlRows } from '@/lib/db/sql';
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

// The session and its user in one round trip: every request asks this, so it goes to the pool directly
// (lib/db/sql.ts). Exported for the benchmark's baseline, which runs the same statement.
export const READ_SESSION_SQL = `
  SELECT s.id::text AS "sessionId", s."createdAt", s."expiresAt", u.id::text AS "userId", u.name, u.email,
    u.role::text AS role, u."deactivatedAt"
  FROM "Session" s JOIN "User" u ON u.id = s."userId"
  WHERE s.token = $1`;

/** The session with this token and its user, or null. */
export async function readSession(token: string): Promise<SessionRow | null> {
  const [row] = await sqlRows<SessionRow>(READ_SESSION_SQL, [token]);
  return row ?? null;
}
