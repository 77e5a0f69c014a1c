import { migrationNames } from './migrate-database';
import { prisma } from './prisma';

export type Readiness = {
  database: 'ok' | 'unreachable';
  /** Every migration in prisma/migrations applied; "unknown" when the database cannot be asked. */
  migrations: 'ok' | 'pending' | 'unknown';
  pending: string[];
};

// The migrations this build ships cannot change while it runs, and a load balancer asks every few seconds: the
// directory is read once. What the database has applied is asked each time, since another instance may be
// migrating it.
let shipped: string[] | undefined;

/**
 * Whether this instance's database can serve it: reachable, and with every migration this build ships applied.
 * An instance started beside one that is still migrating is not ready until the migrations are in.
 */
export async function checkReadiness(): Promise<Readiness> {
  let applied: Array<{ migration_name: string }>;
  try {
    applied = await prisma.$queryRaw`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    return { database: 'unreachable', migrations: 'unknown', pending: [] };
  }
  const done = new Set(applied.map((row) => row.migration_name));
  shipped ??= migrationNames();
  const pending = shipped.filter((name) => !done.has(name));
  return { database: 'ok', migrations: pending.length === 0 ? 'ok' : 'pending', pending };
}
