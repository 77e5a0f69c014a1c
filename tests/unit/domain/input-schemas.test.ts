import { describe, expect, it } from 'vitest';
import { cleanText, multiLineText, singleLineText, sourceUrl } from '@/lib/domain/input-schemas';

describe('cleanText', () => {
  it('drops NUL and other control characters, keeping tabs and newlines in multi-line text', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\tf\ng')).toBe('abcde\tf\ng');
  });

  it('writes every line ending as LF, and a page break as a new line', () => {
    expect(cleanText('one\r\ntwo\rthree\fpage\vfour')).toBe('one\ntwo\nthree\npage\nfour');
  });

  it('keeps a single line on one line', () => {
    expect(cleanText('A\ttitle\r\nsplit\u0000 here', 'line')).toBe('A title  split here');
  });

  it('drops half a surrogate pair and keeps whole ones', () => {
    expect(cleanText('a\uD800b\uDC00c 😀')).toBe('abc 😀');
  });

  it('composes to NFC, so the same word is the same string', () => {
    expect(cleanText('Ame\u0301lie')).toBe('Amélie');
    expect(cleanText('Amélie').length).toBe(6);
  });
});

describe('the shared schemas', () => {
  it('clean before they check, so a limit counts what is stored', () => {
    expect(multiLineText().trim().min(1).safeParse('\u0000 \u0000').success).toBe(false);
    expect(singleLineText().trim().max(3).parse(' a\u0000bc ')).toBe('abc');
  });

  it('accept only an http or https source, and read a blank one as none', () => {
    expect(sourceUrl.parse(' https://a.example/ldn ')).toBe('https://a.example/ldn');
    expect(sourceUrl.parse('http://localhost:3000/a')).toBe('http://localhost:3000/a');
    expect(sourceUrl.parse('')).toBeNull();
    for (const refused of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://a.example',
      'a.example',
      'vbscript:x',
    ]) {
      expect(sourceUrl.safeParse(refused).error?.issues[0]?.message).toBe(
        'Enter a web address starting with http:// or https://.',
      );
    }
  });
});
