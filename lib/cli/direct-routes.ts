import type http from 'node:http';
import { readBodyWithin } from '@/lib/http/read-body-within';
import {
  ASSESSMENT_MAX_BYTES,
  ASSESSMENT_PATH,
  recordAssessmentEndpoint,
} from '@/lib/http/record-assessment-endpoint';

type DirectRoute = {
  method: string;
  path: RegExp;
  maxBytes: number;
  handle: (request: Request, param: string) => Promise<Response>;
};

// The endpoints this server answers itself instead of handing them to Next.js. Only the save is here: it is the
// write a reviewer makes hundreds of times a day, and Next.js's request handling alone cost more CPU than the
// whole save does without it (docs/decisions/0010-the-save-outside-nextjs-and-prisma.md). Each has a route
// handler under app/ too, calling the same function, so `next dev` serves it as well.
const DIRECT_ROUTES: DirectRoute[] = [
  { method: 'PUT', path: ASSESSMENT_PATH, maxBytes: ASSESSMENT_MAX_BYTES, handle: recordAssessmentEndpoint },
];

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Answers the request and returns true if it is one of the direct routes; false leaves it to Next.js. */
export function answerDirectly(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  for (const route of DIRECT_ROUTES) {
    const match = req.method === route.method ? route.path.exec(pathname) : null;
    if (!match) continue;
    answer(req, res, route, decodedParam(match[1] ?? '')).catch((e) => {
      // A client that went away mid-request is no fault of ours, and has no one left to answer.
      if (req.destroyed) return;
      console.error(e);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, message: 'Something went wrong on our side. Please try again.' }));
    });
    return true;
  }
  return false;
}

async function answer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: DirectRoute,
  param: string,
) {
  // One byte past the limit is enough for the endpoint's own check to refuse the body as too large.
  const { bytes } = await readBodyWithin(req, route.maxBytes);
  const requestHeaders = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) requestHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  requestHeaders.delete('content-length');
  // The endpoint reads the host from the headers (the same-origin check), not from the URL, so a malformed
  // Host header cannot make the URL unparseable.
  const request = new Request(`http://localhost${req.url}`, {
    method: req.method,
    headers: requestHeaders,
    body: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length),
  });
  const response = await route.handle(request, param);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: http.OutgoingHttpHeaders = { ...SECURITY_HEADERS, 'Content-Length': body.length };
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['Set-Cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(body);
}

/** A path segment as Next.js hands it to a route handler: decoded, or as it came when it does not decode. */
function decodedParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
