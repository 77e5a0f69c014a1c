import { describe, expect, it } from 'vitest';
import { readUpload } from '@/lib/documents/import-input';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('readUpload', () => {
  it('reads each accepted extension as its format', () => {
    expect(readUpload({ name: 'a.TXT', bytes: bytes('x') })).toMatchObject({ ok: true, format: 'TEXT' });
    expect(readUpload({ name: 'a.md', bytes: bytes('x') })).toMatchObject({ ok: true, format: 'MARKDOWN' });
    expect(readUpload({ name: 'a.htm', bytes: bytes('x') })).toMatchObject({ ok: true, format: 'HTML' });
    expect(readUpload({ name: 'a.csv', bytes: bytes('claim\nx') })).toMatchObject({
      ok: true,
      format: 'CSV',
    });
  });

  it('refuses oversized, wrongly named, empty and binary files with a message', () => {
    expect(readUpload({ name: 'big.txt', bytes: new Uint8Array(2 * 1024 * 1024 + 1) })).toMatchObject({
      ok: false,
      error: expect.stringContaining('the limit is 2 MB'),
    });
    expect(readUpload({ name: 'a.pdf', bytes: bytes('x') })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Upload a .txt, .md, .html or .csv file'),
    });
    expect(readUpload({ name: 'a.txt', bytes: new Uint8Array() })).toMatchObject({
      ok: false,
      error: 'The file is empty.',
    });
  });
});
