import { describe, expect, it } from 'vitest';
import { CHUNK_CHARACTERS, textChunks } from '@/lib/exports/text-chunks';

describe('textChunks', () => {
  it('joins pieces into chunks of about CHUNK_CHARACTERS, keeping every character in order', () => {
    const pieces = Array.from({ length: 5_000 }, (_, i) => `row ${i} ${'x'.repeat(i % 97)};`);
    const chunks = [...textChunks(pieces)];
    expect(chunks.join('')).toBe(pieces.join(''));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(CHUNK_CHARACTERS);
      expect(chunk.length).toBeLessThan(CHUNK_CHARACTERS + 200);
    }
  });

  it('yields nothing for nothing, and never an empty chunk', () => {
    expect([...textChunks([])]).toEqual([]);
    expect([...textChunks(['', ''])]).toEqual([]);
    expect([...textChunks(['a', '', 'b'])]).toEqual(['ab']);
  });
});
