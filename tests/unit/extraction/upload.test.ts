import { describe, expect, it } from 'vitest';
import { decodeUpload, detectFormat } from '@/lib/extraction/upload';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUpload', () => {
  it('decodes UTF-8, keeping non-ASCII text exactly', () => {
    expect(decodeUpload(utf8('Café “LDN” 1.5\u00A0mg'))).toEqual({
      ok: true,
      text: 'Café “LDN” 1.5\u00A0mg',
      encoding: 'utf-8',
    });
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeUpload(bytes(0xef, 0xbb, 0xbf, 0x4c, 0x44, 0x4e))).toEqual({
      ok: true,
      text: 'LDN',
      encoding: 'utf-8',
    });
  });

  it('decodes bytes that are not UTF-8 as Windows-1252, curly quotes and accents included', () => {
    expect(
      decodeUpload(bytes(0x93, 0x4c, 0x44, 0x4e, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80)),
    ).toEqual({
      ok: true,
      text: '“LDN” café €',
      encoding: 'windows-1252',
    });
  });

  it('refuses an empty file', () => {
    expect(decodeUpload(bytes())).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('refuses binary files with a clear message', () => {
    expect(decodeUpload(bytes(0x4c, 0x00, 0x44, 0x4e))).toEqual({
      ok: false,
      error:
        'This file contains NUL bytes, so it looks like a binary file, not text. Save it as plain text, Markdown or HTML and upload again.',
    });
    expect(decodeUpload(bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 3))).toMatchObject({
      ok: false,
      error: expect.stringContaining('looks like a PDF'),
    });
    expect(decodeUpload(utf8('%PDF-1.7\n%âãÏÓ'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('a PDF'),
    });
    expect(decodeUpload(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toMatchObject({
      ok: false,
      error: expect.stringContaining('Word'),
    });
    expect(
      decodeUpload(bytes(...Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41)))),
    ).toMatchObject({ ok: false });
    expect(decodeUpload(bytes(0xff, 0xfe, 0x4c, 0x00))).toMatchObject({
      ok: false,
      error: expect.stringContaining('UTF-16'),
    });
  });

  it('refuses a file with a NUL byte anywhere, not only near the start', () => {
    const text = utf8(`${'An article about LDN. '.repeat(5_000)}\u0000 and more.`);
    expect(text.indexOf(0)).toBeGreaterThan(64 * 1024);
    expect(decodeUpload(text)).toMatchObject({
      ok: false,
      error: expect.stringContaining('contains NUL bytes'),
    });
  });

  it('accepts text with the odd tab or form feed', () => {
    expect(decodeUpload(utf8('Page one.\f\tPage two.'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});

describe('detectFormat', () => {
  it.each([
    ['article.txt', 'TEXT'],
    ['notes.md', 'MARKDOWN'],
    ['NOTES.Markdown', 'MARKDOWN'],
    ['page.HTML', 'HTML'],
    ['C:\\downloads\\page.htm', 'HTML'],
  ])('maps %s to %s', (fileName, format) => {
    expect(detectFormat(fileName)).toEqual({ ok: true, format });
  });

  it('names the accepted extensions when it cannot import a file', () => {
    for (const fileName of ['paper.pdf', 'README', '.md']) {
      expect(detectFormat(fileName)).toMatchObject({
        ok: false,
        error: expect.stringContaining('.txt, .md, .markdown, .html or .htm'),
      });
    }
  });
});
