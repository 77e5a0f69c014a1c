import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * A column filled from one array parameter of the PostgreSQL element type `type`, or by a SQL expression that
 * may read the other columns as u."name".
 */
export type Column = { name: string; type: string; cast?: string } | { name: string; sql: string };

/**
 * Inserts all rows in one statement: each column travels as one array parameter and unnest() zips them back
 * into rows, so thousands of rows cost one round trip. Rows hold the values of the `type` columns, in order.
 */
export async function bulkInsert(client: pg.ClientBase, table: string, columns: Column[], rows: unknown[][]) {
  if (rows.length === 0) return;
  const fromArrays = columns.filter((c) => 'type' in c);
  const arrays = fromArrays.map((_, i) => rows.map((row) => row[i]));
  const unnested = fromArrays.map((c, i) => `$${i + 1}::${'type' in c ? c.type : ''}[]`);
  const selected = columns.map((c) =>
    'sql' in c ? c.sql : c.cast ? `u."${c.name}"::${c.cast}` : `u."${c.name}"`,
  );
  const quoted = (list: Column[]) => list.map((c) => `"${c.name}"`).join(', ');
  await client.query(
    `INSERT INTO "${table}" (${quoted(columns)}) SELECT ${selected.join(', ')}
     FROM unnest(${unnested.join(', ')}) AS u(${quoted(fromArrays)})`,
    arrays,
  );
}

/** A UUIDv7, as Prisma's uuid(7) default makes them: time-ordered, so ids sort by creation. */
export function uuid7(): string {
  const bytes = crypto.randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
