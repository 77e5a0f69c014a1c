// Stands in for the app's own origin: `next` is resolved against it, and kept only if it stays there. Only the
// path, query and fragment are returned, so the browser stays on whatever origin it is already on.
const ORIGIN = 'http://app.invalid';
const MAX_LENGTH = 2048;
// Control and format characters (tab, line breaks, DEL, zero-width and bidi marks) and every Unicode space:
// browsers drop or reinterpret some of them when they read a URL, so a path holding one can lead elsewhere.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;
const MAX_DECODINGS = 4;

/**
 * Where to go after signing in: a path, query and fragment on this site, or "/" for anything else: another
 * origin ("//evil.example", "/\evil.example", "https:…", "javascript:…"), any control character or whitespace
 * (raw or percent-encoded), a value that does not decode, one too long, or the sign-in page itself.
 */
export function safeNextPath(next: unknown): string {
  // A repeated query parameter arrives as an array, and a crafted action call may send anything at all.
  if (typeof next !== 'string' || !next || next.length > MAX_LENGTH) return '/';
  const decoded = fullyDecoded(next);
  if (decoded === null || UNSAFE.test(decoded)) return '/';
  // The decoded form must stay here too: "/%2F/evil.example" is "//evil.example" to anything that decodes it.
  const url = sameOriginUrl(next);
  const decodedUrl = sameOriginUrl(decoded);
  if (!url || !decodedUrl || isSignInPage(decodedUrl)) return '/';
  // Resolving dot segments can leave a path that names a host of its own: "/.//evil.example" is "//evil.example".
  const path = url.pathname + url.search + url.hash;
  return sameOriginUrl(path) ? path : '/';
}

/**
 * The value with its percent-escapes decoded until none is left, or null when one is not UTF-8 or they never
 * end. A "%" that starts no escape ("50%") stays as it is, as it does in a URL.
 */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let i = 0; i < MAX_DECODINGS; i++) {
    let malformed = false;
    const next = current.replace(/(?:%[0-9a-f]{2})+/gi, (escapes) => {
      try {
        return decodeURIComponent(escapes);
      } catch {
        malformed = true;
        return escapes;
      }
    });
    if (malformed) return null;
    if (next === current) return current;
    current = next;
  }
  return null;
}

const isSignInPage = (url: URL) => url.pathname === '/login' || url.pathname.startsWith('/login/');

function sameOriginUrl(value: string): URL | null {
  try {
    const url = new URL(value, ORIGIN);
    return url.origin === ORIGIN ? url : null;
  } catch {
    return null;
  }
}
