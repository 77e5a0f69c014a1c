import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecord } from '@/lib/exports/csv-record';

describe('csvRecord', () => {
  it('writes plain cells as they are, comma-separated and CRLF-terminated', () => {
    expect(csvRecord(['a', 'b c', '', '1.5'])).toBe('a,b c,,1.5\r\n');
  });

  it('quotes a cell with a comma, a quote, a CR or an LF, doubling its quotes', () => {
    expect(csvRecord(['x,y'])).toBe('"x,y"\r\n');
    expect(csvRecord(['say "no"'])).toBe('"say ""no"""\r\n');
    expect(csvRecord(['one\ntwo', 'three\rfour', 'five\r\nsix'])).toBe(
      '"one\ntwo","three\rfour","five\r\nsix"\r\n',
    );
  });

  it('round-trips through a real CSV parser', () => {
    const cells = [
      '"',
      '""',
      ',',
      '\n',
      '\r',
      ' lead',
      'trail ',
      'שלום, עולם',
      '🧪 "β-blocker"',
      '=SUM(A1)',
      '',
    ];
    const text = csvRecord(cells) + csvRecord(cells.toReversed());
    expect(parse(text, { relax_column_count: false })).toEqual([cells, cells.toReversed()]);
  });
});
