import { z } from 'zod';
import { getAuth } from '@/lib/auth/auth';
import { signIn } from '@/lib/auth/sign-in';
import { signOut } from '@/lib/auth/sign-out';
import { singleLineText } from '@/lib/domain/input-schemas';
import { AppError, errorResponse } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { clientIp } from '@/lib/http/client-ip';
import { readJson } from '@/lib/http/read-json';

// Only the three endpoints scripts need are open: sign in, sign out, read the session. Sign-in and sign-out go
// through our own use cases, so the rate limit, the audit log and the same-origin check apply here exactly as
// on the pages.
const SignIn = z.object({
  email: singleLineText().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export async function POST(request: Request, { params }: { params: Promise<{ all: string[] }> }) {
  const path = (await params).all.join('/');
  try {
    assertSameOrigin(request);
    if (path === 'sign-out') {
      return withCookies(Response.json({ ok: true }), await signOut({ headers: request.headers }));
    }
    if (path !== 'sign-in/email') throw new AppError('NOT_FOUND', 'There is no such endpoint.');
    const tooLarge = 'A sign-in is an email address and a password: send at most 8 KB.';
    const json = await readJson(request, { maxBytes: 8 * 1024, tooLarge }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'TOO_LARGE') throw e;
      return null;
    });
    const body = SignIn.safeParse(json);
    if (!body.success) throw new AppError('VALIDATION', 'Send JSON with "email" and "password".');
    const result = await signIn({ ...body.data, ip: clientIp(request.headers), headers: request.headers });
    return withCookies(Response.json({ ok: true, userId: result.userId }), result.headers);
  } catch (e) {
    return errorResponse(e);
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ all: string[] }> }) {
  const path = (await params).all.join('/');
  if (path !== 'get-session') return errorResponse(new AppError('NOT_FOUND', 'There is no such endpoint.'));
  return getAuth().handler(request);
}

function withCookies(response: Response, from: Headers): Response {
  for (const cookie of from.getSetCookie()) response.headers.append('Set-Cookie', cookie);
  return response;
}
