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
