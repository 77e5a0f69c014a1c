// How long a sign-in lasts. Idle: a session unused for this long expires (each use within it extends it).
// Absolute: however active, a session ends this long after sign-in, so a stolen cookie does not live forever.
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
export const SESSION_REFRESH_SECONDS = 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;

// Failed sign-ins allowed per account and per address within the window before further tries are refused.
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_WINDOW_SECONDS = 60;
