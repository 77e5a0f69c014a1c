import { describe, expect, it } from 'vitest';
import { slugify } from '@/lib/documents/slugify';

describe('slugify', () => {
  it('makes a readable, file-name-safe key', () => {
    expect(slugify('The Potential of Low-Dose Naltrexone in Treating Depression')).toBe(
      'the-potential-of-low-dose-naltrexone-in-treating-depression',
    );
    expect(slugify('  Café: “β-blockers” & you!  ')).toBe('cafe-blockers-you');
    expect(slugify('％％')).toBe('document');
    expect(slugify('a'.repeat(200)).length).toBeLessThanOrEqual(80);
  });
});
