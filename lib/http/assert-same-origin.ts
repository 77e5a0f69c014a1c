import { AppError } from '@/lib/errors';

/**
 * Route handlers that change data refuse cross-site requests: a browser always sends Origin on a cross-site
 * POST, so one that names another host is a forgery. Scripts (no Origin header) are not browsers and
 * carry their own session cookie explicitly.
 */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site') throw forbidden();
  if (!origin) return;
  const forwarded = process.env.TRUST_PROXY === '1' ? request.headers.get('x-forwarded-host') : null;
  const host = forwarded ?? request.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden();
  }
  if (originHost !== host) throw forbidden();
}

const forbidden = () => new AppError('FORBIDDEN', 'Cross-site requests are not accepted.');
