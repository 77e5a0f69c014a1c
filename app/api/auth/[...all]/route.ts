import { z } from 'zod';
import { getAuth } from '@/lib/auth/auth';
import { signIn } from '@/lib/auth/sign-in';
import { AppError } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { clientIp } from '@/lib/http/client-ip';
import { errorResponse } from '@/lib/http/error-response';

// Only the three endpoints scripts need are open: sign in, sign out, read the session. Sign-in goes through
// our own use case so the rate limit and the audit log apply here exactly as on the sign-in page.
const SignIn = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

export async function POST(request: Request, { params }: { params: Promise<{ all: string[] }> }) {
  const path = (await params).all.join('/');
  try {
    assertSameOrigin(request);
    if (path === 'sign-out') return getAuth().handler(request);
    if (path !== 'sign-in/email') throw new AppError('NOT_FOUND', 'There is no such endpoint.');
    const body = SignIn.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new AppError('VALIDATION', 'Send JSON with "email" and "password".');
    const result = await signIn({ ...body.data, ip: clientIp(request.headers), headers: request.headers });
    const response = Response.json({ ok: true, userId: result.userId });
    for (const cookie of result.headers.getSetCookie()) response.headers.append('Set-Cookie', cookie);
    return response;
  } catch (e) {
    return errorResponse(e);
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ all: string[] }> }) {
  const path = (await params).all.join('/');
  if (path !== 'get-session') return errorResponse(new AppError('NOT_FOUND', 'There is no such endpoint.'));
  return getAuth().handler(request);
}
