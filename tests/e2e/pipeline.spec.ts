// The save goes through Next.js's routing like every other request: the same security headers, and a refused
// oversized body leaves its keep-alive connection usable for the next request.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; socket: unknown };

function send(
  agent: http.Agent,
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { agent, method: options.method, headers: options.headers });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body,
          socket: request.socket,
        }),
      );
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

async function reviewerCookie(baseURL: string, agent: http.Agent) {
  const { email, password } = ACCOUNTS.reviewer;
  const reply = await send(agent, `${baseURL}/api/auth/sign-in/email`, {
    method: 'POST',
    // An address of its own, so this sign-in counts against no other test's limit.
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.17' },
    body: JSON.stringify({ email, password }),
  });
  expect(reply.status).toBe(200);
  return (reply.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

test('an oversized save is refused, and the next request on its connection is answered at once', async ({
  baseURL,
}) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const cookie = await reviewerCookie(baseURL as string, agent);
  const headers = { 'Content-Type': 'application/json', Origin: baseURL as string, Cookie: cookie };
  const claimId = '00000000-0000-7000-8000-000000000000';
  const big = await send(agent, `${baseURL}/api/claims/${claimId}/assessment`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ verdict: 'SUPPORTED', rationale: 'x'.repeat(200_000), version: 0 }),
  });
  expect(big.status).toBe(413);
  expect(JSON.parse(big.body)).toMatchObject({ ok: false, code: 'TOO_LARGE', message: /at most 32 KB/ });

  const started = Date.now();
  const next = await send(agent, `${baseURL}/api/health`, { method: 'GET' });
  expect(next.status).toBe(200);
  expect(next.socket, 'the same keep-alive connection').toBe(big.socket);
  // Unread bytes left on the connection used to stall this request for seconds, then reset it.
  expect(Date.now() - started).toBeLessThan(2_000);
  agent.destroy();
});

test("the save's reply carries the same security headers as every other response", async ({ baseURL }) => {
  const agent = new http.Agent();
  const cookie = await reviewerCookie(baseURL as string, agent);
  const reply = await send(agent, `${baseURL}/api/claims/not-a-claim/assessment`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Origin: baseURL as string, Cookie: cookie },
    body: JSON.stringify({ verdict: 'SUPPORTED', evidenceLevel: null, version: 0 }),
  });
  expect(reply.status).toBe(404);
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['x-frame-options']).toBe('DENY');
  expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(reply.headers['cache-control']).toBe('no-store');
  agent.destroy();
});

test('an address whose percent-escapes do not decode is a 400 that says so, not a 500', async ({
  request,
}) => {
  for (const path of ['/documents/ab%ZT/export', '/api/claims/x%ZTy/assessment', '/documents/%E0%A4%A']) {
    const response = await request.fetch(path, { method: path.includes('assessment') ? 'PUT' : 'GET' });
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: /not valid/ });
  }
});

test('an oversized sign-in or import body is refused with the limit, and its connection serves the next request', async ({
  baseURL,
}) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const signIn = await send(agent, `${baseURL}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseURL as string },
    body: JSON.stringify({ email: 'someone@example.org', password: 'x'.repeat(1_000_000) }),
  });
  expect(signIn.status).toBe(413);
  expect(JSON.parse(signIn.body)).toMatchObject({ ok: false, code: 'TOO_LARGE', message: /at most 8 KB/ });

  const cookie = await reviewerCookie(baseURL as string, agent);
  const headers = { 'Content-Type': 'application/json', Origin: baseURL as string, Cookie: cookie };
  const text = 'Low-dose naltrexone may help. '.repeat(80_000);
  const imported = await send(agent, `${baseURL}/api/documents`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'Too long', format: 'TEXT', text }),
  });
  expect(imported.status).toBe(413);
  expect(JSON.parse(imported.body)).toMatchObject({ ok: false, code: 'TOO_LARGE', message: /2 MB limit/ });
  const next = await send(agent, `${baseURL}/api/health`, { method: 'GET' });
  expect(next.status).toBe(200);
  agent.destroy();
});
