export type LandisKochLabel =
  | 'Poor'
  | 'Slight'
  | 'Fair'
  | 'Moderate'
  | 'Substantial'
  | 'Almost perfect'
  | 'Not enough data';

/**
 * The strength-of-agreement bands of Landis & Koch (1977, Biometrics 33:159–174). Their bands are
 * written to two decimals (0.00–0.20, 0.21–0.40, …), so kappa is rounded to two decimals first: the label then
 * always matches the two-decimal value the summary shows, and a kappa such as 0.203 has a band.
 */
export function landisKochLabel(kappa: number | null): LandisKochLabel {
  if (kappa === null) return 'Not enough data';
  if (!(kappa >= -1 && kappa <= 1)) throw new RangeError(`Kappa ${kappa} is outside [-1, 1]`);
  const shown = Math.round(kappa * 100) / 100;
  if (shown < 0) return 'Poor';
  if (shown <= 0.2) return 'Slight';
  if (shown <= 0.4) return 'Fair';
  if (shown <= 0.6) return 'Moderate';
  if (shown <= 0.8) return 'Substantial';
  return 'Almost perfect';
}
