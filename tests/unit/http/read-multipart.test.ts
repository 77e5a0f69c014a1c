import { describe, expect, it } from 'vitest';
import { readMultipart } from '@/lib/http/read-multipart';

const LIMIT = { maxBytes: 1024 * 1024, tooLarge: 'Too large.' };

/** A request whose multipart body the platform's own FormData writes, as a browser's would be. */
const requestOf = (form: FormData) =>
  new Request('http://app.local/api/documents', { method: 'POST', body: form });

describe('readMultipart', () => {
  it('reads fields as text and a file as its exact bytes, with its name as the browser sent it', async () => {
    // Bytes that look like the body's own structure: line breaks, dashes, a part's headers.
    const content = new Uint8Array([
      ...new TextEncoder().encode('Line one\r\n--not-a-boundary\r\n\r\nContent-Disposition: x\r\n'),
      0,
      255,
      13,
      10,
    ]);
    const form = new FormData();
    form.set('title', 'Naltrexone – “low dose”\nsecond line');
    form.set('file', new File([content], 'Étude "LDN".txt'));
    form.set('author', '');
    const { fields, files } = await readMultipart(requestOf(form), LIMIT);
    expect(Object.fromEntries(fields)).toEqual({
      title: 'Naltrexone – “low dose”\r\nsecond line',
      author: '',
    });
    expect(files.get('file')?.name).toBe('Étude "LDN".txt');
    expect(Array.from(files.get('file')?.bytes ?? [])).toEqual(Array.from(content));
  });

  it('finds no parts in a body that is not multipart, and refuses one over the limit', async () => {
    const plain = new Request('http://app.local/', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'file=x',
    });
    expect((await readMultipart(plain, LIMIT)).files.size).toBe(0);
    const form = new FormData();
    form.set('file', new File([new Uint8Array(LIMIT.maxBytes + 1)], 'big.txt'));
    await expect(readMultipart(requestOf(form), LIMIT)).rejects.toThrow('Too large.');
  });
});
