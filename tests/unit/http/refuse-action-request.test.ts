import { describe, expect, it } from 'vitest';
import { refuseActionRequest, SERVER_ACTION_BODY_LIMIT } from '@/lib/http/refuse-action-request';

const post = (headers: Record<string, string>, body?: string) =>
  new Request('http://app.local/documents/new', {
    method: 'POST',
    headers: { host: 'app.local', ...headers },
    body,
  });

const action = (body: string) => post({ origin: 'http://app.local', 'next-action': 'a1' }, body);

describe('refuseActionRequest', () => {
  it('lets a same-origin action of any allowed size through, its arguments as React sends them', async () => {
    const args = [{ text: 'x', note: '$$5 a month', at: '$D2026-12-07T00:00:00.000Z', gone: '$undefined' }];
    expect(await refuseActionRequest(action(JSON.stringify(args)))).toBeNull();
    expect(
      await refuseActionRequest(post({ 'content-length': String(SERVER_ACTION_BODY_LIMIT) })),
    ).toBeNull();
  });

  it('answers another origin with 403: JSON for an action called from the page, a page for a plain form', async () => {
    const fromPage = await refuseActionRequest(post({ origin: 'null', 'next-action': 'a1' }, '[]'));
    expect(fromPage?.status).toBe(403);
    expect(await fromPage?.json()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const fromForm = await refuseActionRequest(post({ origin: 'http://app.local:3001' }));
    expect(fromForm?.status).toBe(403);
    expect(fromForm?.headers.get('content-type')).toContain('text/html');
  });

  it('answers a body over the limit with 413, with or without a Content-Length', async () => {
    const declared = await refuseActionRequest(
      post({
        origin: 'http://app.local',
        'next-action': 'a1',
        'content-length': String(SERVER_ACTION_BODY_LIMIT + 1),
      }),
    );
    expect(declared?.status).toBe(413);
    const streamed = await refuseActionRequest(action(`["${'x'.repeat(SERVER_ACTION_BODY_LIMIT)}"]`));
    expect(streamed?.status).toBe(413);
  });

  it('answers arguments Next.js could not decode with 400, and says what to do', async () => {
    for (const body of ['', '[', '{}', '["$Q1"]', '["$S"]', '[{"a":["$@1"]}]', '--boundary\r\n']) {
      const response = await refuseActionRequest(action(body));
      expect(response?.status, body).toBe(400);
      expect(await response?.json()).toMatchObject({
        ok: false,
        code: 'BAD_REQUEST',
        message: /from its page/,
      });
    }
  });
});
