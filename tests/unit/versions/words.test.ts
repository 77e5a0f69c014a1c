import { describe, expect, it } from 'vitest';
import { closestSpan, WordIds, wordDiff } from '@/lib/versions/words';

describe('closestSpan', () => {
  const ids = new WordIds();
  const words = (text: string) => ids.words(text, 0, text.length);

  it('finds the quote amid other words, and how alike the words found are', () => {
    const window = words('Intro text. LDN lowered depression scores in a small trial. Next sentence.');
    const span = closestSpan(words('LDN reduced depression scores in a small trial').ids, window.ids);
    expect(span).toMatchObject({ from: 2, to: 10 });
    expect(span?.similarity).toBeCloseTo(7 / 8);
  });

  it('keeps a reworded first word inside the span rather than dropping it', () => {
    const window = words('Doses usually vary between 1.5 and 4.5 mg');
    expect(closestSpan(words('Doses vary between 1.5 and 4.5 mg').ids, window.ids)).toMatchObject({
      from: 0,
    });
  });

  it('has nothing to offer for an empty quote or window', () => {
    expect(closestSpan(words('').ids, words('a b').ids)).toBeNull();
    expect(closestSpan(words('a b').ids, words(' . ').ids)).toBeNull();
  });

  it('gives each word one number whatever its case, and offsets into the body', () => {
    const body = 'xx LDN ldn Ldn';
    const found = ids.words(body, 3, body.length);
    expect(new Set(found.ids).size).toBe(1);
    expect([...found.starts]).toEqual([3, 7, 11]);
  });
});

describe('wordDiff', () => {
  it('shows words removed and added between the parts that stayed', () => {
    expect(wordDiff('Another study reported benefits.', 'A second study reported clear benefits.')).toEqual([
      { kind: 'removed', text: 'Another ' },
      { kind: 'added', text: 'A second ' },
      { kind: 'same', text: 'study reported' },
      { kind: 'added', text: ' clear' },
      { kind: 'same', text: ' benefits.' },
    ]);
  });

  it('sees no change in re-wrapped whitespace', () => {
    expect(wordDiff('one  two\nthree', 'one two three')).toEqual([{ kind: 'same', text: 'one two three' }]);
  });

  it('shows a very long quote as replaced whole rather than build a huge table', () => {
    const before = 'a '.repeat(1500);
    const after = 'b '.repeat(1500);
    expect(wordDiff(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });
});
