import { describe, expect, it } from 'vitest';
import {
  IMPORT_MAX_BYTES,
  importSizeError,
  isPdfFile,
  PDF_MAX_BYTES,
  pastedFileName,
  pasteSizeError,
  readUpload,
} from '@/lib/documents/import-input';

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
      error: expect.stringContaining('Upload a .txt, .md, .html, .csv or .pdf file'),
    });
    expect(readUpload({ name: 'a.txt', bytes: new Uint8Array() })).toMatchObject({
      ok: false,
      error: 'The file is empty.',
    });
  });
});

describe('the size limits the browser checks before sending', () => {
  it('counts a paste in UTF-8 bytes, as the server does, and says the limit and what to do', () => {
    expect(pasteSizeError('a'.repeat(IMPORT_MAX_BYTES))).toBeNull();
    expect(pasteSizeError('a'.repeat(IMPORT_MAX_BYTES + 1))).toBe(
      'The pasted text is 2.0 MB; the limit is 2 MB. Nothing was sent: split the article and import the parts, or leave out what is not the article (references, comments).',
    );
    // Within the limit in characters, over it in bytes: "é" is two bytes in UTF-8.
    expect(pasteSizeError('é'.repeat(IMPORT_MAX_BYTES / 2 + 1))).toContain('the limit is 2 MB');
    expect(pasteSizeError('é'.repeat(IMPORT_MAX_BYTES / 2))).toBeNull();
  });

  it('allows a PDF ten times the size of a text file', () => {
    expect(importSizeError({ bytes: PDF_MAX_BYTES, name: 'a.pdf', pdf: true })).toBeNull();
    expect(importSizeError({ bytes: PDF_MAX_BYTES + 1, name: 'a.pdf', pdf: true })).toBe(
      '“a.pdf” is 20.0 MB; the limit for a PDF is 20 MB. Save it again without its images, or paste its text.',
    );
    expect(importSizeError({ bytes: IMPORT_MAX_BYTES + 1, name: 'a.txt' })).toContain('the limit is 2 MB');
  });

  it('names a paste for its format, and knows a PDF by its name', () => {
    expect(['TEXT', 'MARKDOWN', 'HTML', 'CSV'].map((f) => pastedFileName(f as 'TEXT'))).toEqual([
      'pasted.txt',
      'pasted.md',
      'pasted.html',
      'pasted.csv',
    ]);
    expect(isPdfFile('Paper.PDF')).toBe(true);
    expect(isPdfFile('paper.pdf.txt')).toBe(false);
  });
});
