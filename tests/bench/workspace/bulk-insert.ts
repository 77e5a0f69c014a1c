import type pg from 'pg';

/**
 * Inserts all rows in one statement: each column travels as one array parameter and unnest() zips them back
 * into rows, so thousands of rows cost one round trip. A column is written `name type` (filled from an array of
 * that PostgreSQL element type, `name type::cast` to cast each value) or `name = expression` (SQL that may read
 * the other columns as u."name"). Rows hold the values of the array columns, in order.
 */
export async function bulkInsert(client: pg.ClientBase, table: string, columns: string[], rows: unknown[][]) {
  if (rows.length === 0) return;
  const parsed = columns.map((column) => {
    const [, name = '', expression] = /^(\w+) = (.+)$/.exec(column) ?? [];
    if (expression) return { name, select: expression };
    const [field = '', type = ''] = column.split(' ');
    const [element, cast] = type.split('::');
    return { name: field, element, select: cast ? `u."${field}"::${cast}` : `u."${field}"` };
  });
  const arrays = parsed.filter((c) => c.element);
  const quoted = (list: typeof parsed) => list.map((c) => `"${c.name}"`).join(', ');
  await client.query(
    `INSERT INTO "${table}" (${quoted(parsed)}) SELECT ${parsed.map((c) => c.select).join(', ')}
     FROM unnest(${arrays.map((c, i) => `$${i + 1}::${c.element}[]`).join(', ')}) AS u(${quoted(arrays)})`,
    arrays.map((_, i) => rows.map((row) => row[i])),
  );
}
