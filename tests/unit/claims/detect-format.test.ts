import { describe, expect, it } from 'vitest';
import { detectFormat } from '@/lib/claims/detect-format';

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
