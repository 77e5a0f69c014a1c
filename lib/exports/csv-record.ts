// RFC 4180: fields separated by commas, records ended by CRLF, and a field with a comma, a quote or a line break
// in double quotes, its quotes doubled. Written here rather than with csv-stringify: its per-field option
// handling allocated about 20 times the size of the CSV it wrote (130 MB for a 5.6 MB export of 10,000 claims),
// and that garbage was most of the export's memory peak and a third of its CPU. tests/unit/exports parses the
// output with csv-parse, a real CSV parser, and round-trips every field.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record, CRLF-terminated, from cells that are already strings. */
export function csvRecord(cells: readonly string[]): string {
  let record = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (i > 0) record += ',';
    record += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${record}\r\n`;
}
