import { describe, expect, it } from 'vitest';
import { landisKochLabel } from '@/lib/agreement/landis-koch';

// Landis & Koch (1977), Biometrics 33:159–174: < 0.00 poor, 0.00–0.20 slight, 0.21–0.40 fair,
// 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1.00 almost perfect.
describe('landisKochLabel', () => {
  it.each([
    [-1, 'Poor'],
    [-0.01, 'Poor'],
    [0, 'Slight'],
    [0.2, 'Slight'],
    [0.21, 'Fair'],
    [0.4, 'Fair'],
    [0.41, 'Moderate'],
    [0.6, 'Moderate'],
    [0.61, 'Substantial'],
    [0.8, 'Substantial'],
    [0.81, 'Almost perfect'],
    [1, 'Almost perfect'],
  ] as const)('labels %d as %s', (kappa, label) => {
    expect(landisKochLabel(kappa)).toBe(label);
  });

  it('bands the two-decimal value, so values between the published bands have a label', () => {
    expect(landisKochLabel(0.2049)).toBe('Slight');
    expect(landisKochLabel(0.2051)).toBe('Fair');
    expect(landisKochLabel(-0.004)).toBe('Slight');
    expect(landisKochLabel(0.8049)).toBe('Substantial');
  });

  it('says there is not enough data for a null kappa', () => {
    expect(landisKochLabel(null)).toBe('Not enough data');
  });

  it('rejects a value that no kappa can take', () => {
    expect(() => landisKochLabel(1.5)).toThrow(RangeError);
    expect(() => landisKochLabel(Number.NaN)).toThrow(RangeError);
  });
});
