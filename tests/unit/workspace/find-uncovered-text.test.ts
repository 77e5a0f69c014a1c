import { describe, expect, it } from 'vitest';
import { findUncoveredText, MAX_PLACES } from '@/lib/workspace/find-uncovered-text';

const body = 'Background\n\nLDN may help. Doses vary.\n\nMethods\nLDN (4.5 mg) was given nightly.';
const claims = [
  { start: 12, end: 25 }, // "LDN may help."
  { start: 26, end: 38 }, // "Doses vary."
];
const textAt = (r: { start: number; end: number }) => body.slice(r.start, r.end);

describe('findUncoveredText', () => {
  it('finds text outside the claims, ignoring case and runs of whitespace', () => {
    expect(findUncoveredText(body, claims, 'background').map(textAt)).toEqual(['Background']);
    expect(findUncoveredText(body, claims, 'methods   ldn (4.5').map(textAt)).toEqual(['Methods\nLDN (4.5']);
  });

  it('leaves out places that overlap a claim, and keeps the others in document order', () => {
    expect(findUncoveredText(body, claims, 'LDN')).toEqual([{ start: 47, end: 50 }]);
    expect(findUncoveredText(body, claims, 'help. Doses')).toEqual([]);
    expect(findUncoveredText(body, [], 'LDN').map((r) => r.start)).toEqual([12, 47]);
  });

  it('takes regular-expression characters literally', () => {
    expect(findUncoveredText(body, claims, '(4.5 mg)').map(textAt)).toEqual(['(4.5 mg)']);
    expect(findUncoveredText(body, claims, '.*')).toEqual([]);
  });

  it('finds nothing for blank text, and stops at MAX_PLACES', () => {
    expect(findUncoveredText(body, claims, '  \n ')).toEqual([]);
    expect(findUncoveredText('a '.repeat(50), [], 'a')).toHaveLength(MAX_PLACES);
  });
});
