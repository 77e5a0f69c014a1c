// Raw SQL sent to the pool under Prisma, skipping Prisma's client. Only what every save runs uses it: the
// session read and the save's transaction, where Prisma's client cost more CPU than the statements
// themselves (docs/decisions/0010-the-save-outside-nextjs-and-prisma.md). Parameters are always bound.
import type pg from 'pg';
import { databasePool } from './prisma';

/** Statements run on one connection: inside a transaction (sqlTransaction), or alone (sqlRows). */
export type Sql = {
  rows<T>(text: string, values: readonly unknown[]): Promise<T[]>;
  /** The number of rows the statement changed. */
  run(text: string, values: readonly unknown[]): Promise<number>;
};

const on = (client: pg.Pool | pg.PoolClient): Sql => ({
  rows: async <T>(text: string, values: readonly unknown[]) =>
    (await client.query(text, values as unknown[])).rows as T[],
  run: async (text: string, values: readonly unknown[]) =>
    (await client.query(text, values as unknown[])).rowCount ?? 0,
});

/** One statement on any free connection. */
export function sqlRows<T>(text: string, values: readonly unknown[]): Promise<T[]> {
  return on(databasePool()).rows<T>(text, values);
}

/** Runs `work` in one transaction: committed if it returns, rolled back if it throws. */
export async function sqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await databasePool().connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(on(client));
    await client.query('COMMIT');
    return result;
  } catch (e) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw e;
  } finally {
    client.release(broken);
  }
}
