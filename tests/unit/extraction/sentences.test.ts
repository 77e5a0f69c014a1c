import { describe, expect, it } from 'vitest';
import { splitSentences } from '@/lib/extraction/sentences';

function slices(text: string, offsets: number[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < offsets.length; i += 2) found.push(text.slice(offsets[i], offsets[i + 1]));
  return found;
}
const sentences = (text: string) => slices(text, splitSentences(text, 0, text.length));

describe('splitSentences', () => {
  it('keeps abbreviations, decimals and dosages inside their sentence', () => {
    expect(sentences('Dr. Smith gave 1.5 mg daily, e.g. at night.')).toEqual([
      'Dr. Smith gave 1.5 mg daily, e.g. at night.',
    ]);
    expect(
      sentences('Compare LDN vs. placebo (Fig. 3), i.e. the control arm, as in Lee et al. 2019.'),
    ).toHaveLength(1);
    expect(sentences('It costs approx. 20 dollars. St. John’s wort is cheaper.')).toEqual([
      'It costs approx. 20 dollars.',
      'St. John’s wort is cheaper.',
    ]);
  });

  it('splits at . ! ? and … followed by a capital, a digit or an opening quote', () => {
    expect(sentences('One. Two! Three? “Four.” 5 mg is five… Six')).toEqual([
      'One.',
      'Two!',
      'Three?',
      '“Four.”',
      '5 mg is five…',
      'Six',
    ]);
  });

  it('does not split before a word in lower case', () => {
    expect(sentences('It helps with sleep, mood, etc.. which matters.')).toHaveLength(1);
  });

  it('trims whitespace, non-breaking spaces included, around each sentence', () => {
    expect(sentences('\u00A0 First one.\u00A0 Second one.\u00A0 ')).toEqual(['First one.', 'Second one.']);
  });

  it('works on a range of a larger text without looking outside it', () => {
    const text = 'Before. Inside one. Inside two. After.';
    const start = text.indexOf('Inside');
    const end = text.indexOf(' After');
    expect(slices(text, splitSentences(text, start, end))).toEqual(['Inside one.', 'Inside two.']);
  });
});
