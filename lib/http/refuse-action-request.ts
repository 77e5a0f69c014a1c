import { AppError, failureOf } from '@/lib/errors';
import { assertSameOrigin } from './assert-same-origin';

/** next.config.js's `serverActions.bodySizeLimit` (3mb), in bytes: an import carries up to 2 MB of text. */
export const SERVER_ACTION_BODY_LIMIT = 3 * 1024 * 1024;

/**
 * Next.js refuses a Server Action from another origin, and one whose body is over its limit, by throwing: the
 * client gets a 500. proxy.ts asks here first, so such a call gets a 403 or a 413 with a message instead: the
 * JSON failure shape for an action called from the page (it sends Next-Action), an HTML page for a form posted
 * without JavaScript. Null means the request may go on.
 */
export function refuseActionRequest(request: Request): Response | null {
  const length = Number(request.headers.get('content-length') ?? 0);
  let refusal: AppError | null = null;
  try {
    assertSameOrigin(request);
  } catch (e) {
    refusal = e as AppError;
  }
  if (!refusal && length > SERVER_ACTION_BODY_LIMIT) {
    refusal = new AppError(
      'TOO_LARGE',
      'That is more than the 3 MB a form can send, and nothing was saved. Shorten it, or split the article and import the parts.',
    );
  }
  if (!refusal) return null;
  const { status, failure } = failureOf(refusal);
  if (request.headers.has('next-action')) return Response.json(failure, { status });
  return new Response(errorPage(failure.message), {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

// The message is one of ours, never the request's text, so it needs no escaping.
const errorPage = (message: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not saved</title><body><h1>Not saved</h1><p>${message}</p><p><a href="/">Back to the documents</a></p></body></html>`;
