// How long a sign-in lasts. Idle: a session unused for this long expires (each use within it extends it).
// Absolute: however active, a session ends this long after sign-in, so a stolen cookie does not live forever.
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_REFRESH_SECONDS = 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;

// Failed sign-ins allowed per account and per address within the window before further tries are refused.
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_SECONDS = 60;

/**
 * What a stored session allows at `now`: `valid`; `extend`, valid but due for its idle extension (which Better
 * Auth makes); `expired`, idle too long; `ended`, past its absolute age (to be deleted); `deactivated`, its user
 * was. The guard applies it to each request, and the live streams to each event.
 */
export function sessionStanding(
  session: { createdAt: Date; expiresAt: Date; deactivatedAt: Date | null },
  now: number,
): 'valid' | 'extend' | 'expired' | 'ended' | 'deactivated' {
  if (session.expiresAt.getTime() <= now) return 'expired';
  if (now - session.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000) return 'ended';
  if (session.deactivatedAt) return 'deactivated';
  // Better Auth extends a session once it was last extended more than SESSION_REFRESH_SECONDS ago.
  const lastExtended = session.expiresAt.getTime() - SESSION_IDLE_SECONDS * 1000;
  return now - lastExtended > SESSION_REFRESH_SECONDS * 1000 ? 'extend' : 'valid';
}
