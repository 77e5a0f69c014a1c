// The read replica (ADR 0024): which reads go to it, and how a reader's own writes keep their reads on the primary.
// Only the summary and the exports read from it; they may lag behind the primary by as much as the replica
// does, except for a reader who wrote: after a write, the primary's WAL position is kept for the user, and
// their reads go to the replica only once it has replayed that far. Without DATABASE_REPLICA_URL, nothing here
// costs a query.
import { isDatabaseUnavailable } from '@/lib/errors';
import { prisma, type ReadFrom, readClient } from './prisma';

const hasReplica = () => Boolean(process.env.DATABASE_REPLICA_URL);

/**
 * After a replica that could not be reached, this process reads from the primary for this long before trying the
 * replica again, so that a replica that is down costs each reader nothing, not a failed connection each.
 */
const REPLICA_REST_MS = 10_000;

const state = globalThis as unknown as { replicaRestsUntil?: number };

/**
 * Keeps where the primary's WAL stands now, after `userId`'s write has committed: any position the replica
 * replays up to includes that write. The insert position, not the flushed one, so that it is past the commit
 * record under `synchronous_commit = off` as well. A write of its own, one small row, made only with a replica;
 * if it fails, the user's next reads may show the replica's lag, as everyone else's do.
 */
export async function rememberWrite(userId: string): Promise<void> {
  if (!hasReplica()) return;
  try {
    await prisma.$executeRaw`
      INSERT INTO "LastWrite" ("userId", "walPosition") VALUES (${userId}::uuid, pg_current_wal_insert_lsn()::text)
      ON CONFLICT ("userId") DO UPDATE SET "walPosition" = EXCLUDED."walPosition"`;
  } catch (e) {
    // The write itself has committed: saying it failed would only make the user repeat it.
    console.error(`The position of a write was not kept: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Runs a read that may lag on the replica, or on the primary when the reader wrote something the replica has not
 * replayed yet or the replica is resting. A read that fails on the replica, for whatever reason (unreachable, a
 * query cancelled by replay, a row it does not have yet), runs again on the primary, whose answer stands. Says
 * where the answer came from, so that the reads that go with it (an export's claims) go there too.
 */
export async function readMayLag<T>(
  reader: { id: string },
  read: (from: ReadFrom) => Promise<T>,
): Promise<{ value: T; from: ReadFrom }> {
  if (await replicaServes(reader)) {
    try {
      return { value: await read('replica'), from: 'replica' };
    } catch (e) {
      replicaFailed(e);
    }
  }
  return { value: await read('primary'), from: 'primary' };
}

async function replicaServes(reader: { id: string }): Promise<boolean> {
  if (!hasReplica() || Date.now() < (state.replicaRestsUntil ?? 0)) return false;
  const [written] = await prisma.$queryRaw<Array<{ walPosition: string }>>`
    SELECT "walPosition" FROM "LastWrite" WHERE "userId" = ${reader.id}::uuid`;
  if (!written) return true;
  try {
    // NULL on a server that is not replaying (a replica since promoted): only the primary is sure then.
    const [replayed] = await readClient('replica').$queryRaw<Array<{ caughtUp: boolean | null }>>`
      SELECT pg_last_wal_replay_lsn() >= ${written.walPosition}::pg_lsn AS "caughtUp"`;
    return replayed?.caughtUp === true;
  } catch (e) {
    replicaFailed(e);
    return false;
  }
}

function replicaFailed(error: unknown) {
  if (!isDatabaseUnavailable(error)) return;
  state.replicaRestsUntil = Date.now() + REPLICA_REST_MS;
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `The read replica could not be reached (${message}); reading from the primary for ${REPLICA_REST_MS / 1000} s.`,
  );
}
