import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '@/lib/exports/neutralise-formula';

describe('neutraliseFormula', () => {
  it.each([
    '=HYPERLINK("http://evil.example","click")',
    '+1+1',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
    '=1+1\nsecond line',
    '＝1+1',
  ])('makes %j text with a leading apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['LDN = low-dose naltrexone', 'a-b', '', "'quoted'", '1.5 mg', ' =1'])(
    'leaves %j alone',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
    },
  );
});
