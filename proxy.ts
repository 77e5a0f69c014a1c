import { getSessionCookie } from 'better-auth/cookies';
import { type NextRequest, NextResponse } from 'next/server';
import { AppError, failureOf } from '@/lib/errors';
import { refuseActionRequest } from '@/lib/http/refuse-action-request';

// Runs before every page: a fresh CSP nonce for Next's scripts, the path for the sign-in return trip, and an
// early redirect when there is no session cookie at all. Pages and actions still check the session themselves.
// A Server Action (a POST to a page) is first checked for its origin, its size and the shape of its arguments,
// which Next.js would answer with a 500; one called from the page (Next-Action) then goes straight on.

const PUBLIC_PAGES = ['/login'];
// An invitation link is opened by someone who may have no account yet; its page says what to do either way.
const isPublicPage = (pathname: string) =>
  PUBLIC_PAGES.includes(pathname) || pathname.startsWith('/invitations/');

// Escaping can triple an address's length in the redirect's Location; the app's own addresses are far shorter.
const MAX_RETURN_ADDRESS = 2048;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!decodes(pathname)) return malformedAddress(request);
  if (request.method === 'POST' && !pathname.startsWith('/api/')) {
    const refused = await refuseActionRequest(request);
    if (refused) return refused;
    if (request.headers.has('next-action')) return NextResponse.next();
  }
  if (pathname.startsWith('/api/')) return NextResponse.next();
  const isPage = !pathname.includes('/export');
  if (isPage && !isPublicPage(pathname) && !getSessionCookie(request)) {
    const login = new URL('/login', request.url);
    const next = [pathname + search, pathname].find((address) => address.length <= MAX_RETURN_ADDRESS);
    if (next) login.searchParams.set('next', next);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React sets style attributes (bar widths); no stylesheet is ever inlined from user input.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-pathname', pathname + search);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// A path whose percent-escapes do not decode would reach Next.js's routing as a 500.
function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function malformedAddress(request: NextRequest) {
  const { status, failure } = failureOf(
    new AppError('BAD_REQUEST', 'This address is not valid: a % in it must start an escape such as %20.'),
  );
  if (request.headers.get('accept')?.includes('text/html')) {
    return new NextResponse(failure.message, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return NextResponse.json(failure, { status });
}

export const config = {
  matcher: [
    {
      // JSON API routes (/api/…) check the session themselves and render no HTML, so they need no nonce. The
      // icons and robots.txt are for everyone, signed in or not (a crawler or the sign-in page asks for them).
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)',
      // A Server Action called from the page (the browser sends Next-Action) answers with data, not HTML: it needs
      // no nonce and never redirects to sign-in, and it checks the session itself. A form posted without
      // JavaScript has no such header, gets HTML back, and runs through all of the proxy.
      missing: [{ type: 'header', key: 'next-action' }],
    },
    // An API path with a percent sign comes here only to have its escapes checked.
    { source: '/api/:path(.*%.*)' },
    // Server Actions called from the page come here only for the origin, size and shape check.
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)',
      has: [{ type: 'header', key: 'next-action' }],
    },
  ],
};
