import { AppError, failureOf } from '@/lib/errors';
import { assertSameOrigin } from './assert-same-origin';

/**
 * Next.js's default `serverActions.bodySizeLimit` (1 MB), in bytes. No action takes an article: the import page
 * sends its file to POST /api/documents.
 */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

const TOO_LARGE =
  'That is more than the 1 MB a form can send, and nothing was saved. Shorten it and try again.';
const NOT_AN_ACTION_CALL = 'This request is not a call this app makes: send the form from its page.';

/**
 * Next.js refuses a Server Action from another origin, one whose body is over its limit, and one whose body it
 * cannot decode, by throwing: the client gets a 500. proxy.ts asks here first, so such a call gets a 403, a 413
 * or a 400 with a message instead: the JSON failure shape for an action called from the page (it sends
 * Next-Action), an HTML page for a form posted without JavaScript. Null means the request may go on.
 */
export async function refuseActionRequest(request: Request): Promise<Response | null> {
  const refusal = await refusalOf(request);
  if (!refusal) return null;
  const { status, failure } = failureOf(refusal);
  if (request.headers.has('next-action')) return Response.json(failure, { status });
  return new Response(errorPage(failure.message), {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

async function refusalOf(request: Request): Promise<AppError | null> {
  try {
    assertSameOrigin(request);
  } catch (e) {
    return e as AppError;
  }
  if (Number(request.headers.get('content-length') ?? 0) > SERVER_ACTION_BODY_LIMIT) {
    return new AppError('TOO_LARGE', TOO_LARGE);
  }
  if (!request.headers.has('next-action')) return null;
  const body = await readWithin(request.clone().body, SERVER_ACTION_BODY_LIMIT);
  if (body === null) return new AppError('TOO_LARGE', TOO_LARGE);
  return isActionArguments(body) ? null : new AppError('BAD_REQUEST', NOT_AN_ACTION_CALL);
}

/** The body as text, or null past `limit` bytes (a body sent without a Content-Length). */
async function readWithin(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      // A cancel of one branch of a cloned body waits for the other branch, which nobody will read now.
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Every action here takes plain values (objects, arrays, strings, numbers, booleans, null), which React's client
// sends as a JSON array of arguments: a string of the user's that begins with "$" is escaped as "$$", and the
// only other "$" strings it writes for such values are these. Anything else ("$Q1", "$S", a multipart body) is a
// reference Next.js would fail to decode.
const PLAIN_MARKERS = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

function isActionArguments(body: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return false;
  }
  return Array.isArray(value) && isPlain(value);
}

function isPlain(value: unknown): boolean {
  if (typeof value === 'string') return !value.startsWith('$') || PLAIN_MARKERS.test(value);
  if (Array.isArray(value)) return value.every(isPlain);
  if (value && typeof value === 'object') return Object.values(value).every(isPlain);
  return true;
}

// The message is one of ours, never the request's text, so it needs no escaping.
const errorPage = (message: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not saved</title><body><h1>Not saved</h1><p>${message}</p><p><a href="/">Back to your projects</a></p></body></html>`;
