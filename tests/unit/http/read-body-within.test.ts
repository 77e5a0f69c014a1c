import { describe, expect, it } from 'vitest';
import { readBodyWithin } from '@/lib/http/read-body-within';

async function* chunks(...parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('readBodyWithin', () => {
  it('reads a body up to the limit whole, across chunks', async () => {
    const { bytes, over } = await readBodyWithin(chunks('{"a":', '1}'), 7);
    expect(over).toBe(false);
    expect(bytes.toString()).toBe('{"a":1}');
  });

  it('stops reading at the chunk that passes the limit', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield new Uint8Array(1024);
      }
    }
    const { bytes, over } = await readBodyWithin(endless(), 4096);
    expect(over).toBe(true);
    expect(bytes.length).toBe(5 * 1024);
    expect(pulled).toBe(5);
  });

  it('counts bytes, not characters', async () => {
    expect((await readBodyWithin(chunks('ééé'), 5)).over).toBe(true);
    expect((await readBodyWithin(chunks('ééé'), 6)).over).toBe(false);
  });

  it('reads no body as empty', async () => {
    expect(await readBodyWithin(null, 10)).toEqual({ bytes: Buffer.alloc(0), over: false });
  });
});
