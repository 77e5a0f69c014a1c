import { describe, expect, it } from 'vitest';
import { readableStreamOf } from '@/lib/exports/export-in-worker';

describe('readableStreamOf', () => {
  it('asks for a chunk only when the reader wants one, so a slow client holds the export back', async () => {
    let produced = 0;
    async function* chunks() {
      for (let i = 0; i < 5; i++) {
        produced++;
        yield i % 2 === 0 ? `chunk ${i};` : new TextEncoder().encode(`bytes ${i};`);
      }
    }
    const reader = readableStreamOf(chunks()).getReader();
    await new Promise((r) => setTimeout(r, 10));
    expect(produced).toBe(0);
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('chunk 0;');
    await new Promise((r) => setTimeout(r, 10));
    expect(produced).toBe(1);
    let rest = '';
    for (let next = await reader.read(); !next.done; next = await reader.read())
      rest += new TextDecoder().decode(next.value);
    expect(rest).toBe('bytes 1;chunk 2;bytes 3;chunk 4;');
  });

  it('ends the formatter when the client goes away', async () => {
    let finished = false;
    async function* chunks() {
      try {
        for (;;) yield 'x';
      } finally {
        finished = true;
      }
    }
    const reader = readableStreamOf(chunks()).getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
