import { Prisma } from '@/lib/db/generated/client';

/**
 * A timestamp column rendered in SQL exactly as Date#toISOString renders it. Prisma stores DateTime as UTC in
 * `timestamp(3)` columns, and json_build_object would print those without the "Z", so rows aggregated to JSON
 * in SQL would otherwise carry different timestamps from rows read through Prisma.
 * `column` is always a column name written in our own SQL, never user input.
 */
export function isoTimestampSql(column: string): Prisma.Sql {
  return Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}
