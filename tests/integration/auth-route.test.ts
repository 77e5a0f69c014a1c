import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/auth/[...all]/route';
import { prisma } from '@/lib/db/prisma';
import { signedIn } from '@/tests/support/signed-in';

const APP = 'http://localhost:3000';

function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>) {
  const request = new Request(`${APP}/api/auth/${path}`, {
    method,
    headers: { host: 'localhost:3000', ...headers },
  });
  const params = Promise.resolve({ all: path.split('/') });
  return method === 'GET' ? GET(request, { params }) : POST(request, { params });
}

async function sessionOf(cookie: string) {
  const response = await call('GET', 'get-session', { cookie });
  expect(response.status).toBe(200);
  return response.json();
}

describe('POST /api/auth/sign-out', () => {
  it('ends the session for a script that sends the cookie and no Origin, as curl does', async () => {
    const { user, cookie } = await signedIn('REVIEWER');
    expect(await sessionOf(cookie)).toMatchObject({ user: { id: user.id } });

    const response = await call('POST', 'sign-out', { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join('\n')).toMatch(/better-auth\.session_token=;.*Max-Age=0/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await sessionOf(cookie)).toBeNull();
  });

  it('ends the session for the app’s own pages, which send their Origin', async () => {
    const { user, cookie } = await signedIn('VIEWER');
    const response = await call('POST', 'sign-out', { cookie, origin: APP, 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(200);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('refuses a cross-site request with 403 and keeps the session', async () => {
    const { user, cookie } = await signedIn('VIEWER');
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const response = await call('POST', 'sign-out', { cookie, ...headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        message: 'Cross-site requests are not accepted.',
      });
    }
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await sessionOf(cookie)).toMatchObject({ user: { id: user.id } });
  });
});
