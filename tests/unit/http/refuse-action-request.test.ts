import { describe, expect, it } from 'vitest';
import { refuseActionRequest, SERVER_ACTION_BODY_LIMIT } from '@/lib/http/refuse-action-request';

const post = (headers: Record<string, string>) =>
  new Request('http://app.local/documents/new', {
    method: 'POST',
    headers: { host: 'app.local', ...headers },
  });

describe('refuseActionRequest', () => {
  it('lets a same-origin action of any allowed size through', () => {
    expect(refuseActionRequest(post({ origin: 'http://app.local', 'next-action': 'a1' }))).toBeNull();
    expect(refuseActionRequest(post({ 'content-length': String(SERVER_ACTION_BODY_LIMIT) }))).toBeNull();
  });

  it('answers another origin with 403: JSON for an action called from the page, a page for a plain form', async () => {
    const fromPage = refuseActionRequest(post({ origin: 'null', 'next-action': 'a1' }));
    expect(fromPage?.status).toBe(403);
    expect(await fromPage?.json()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const fromForm = refuseActionRequest(post({ origin: 'http://app.local:3001' }));
    expect(fromForm?.status).toBe(403);
    expect(fromForm?.headers.get('content-type')).toContain('text/html');
  });

  it('answers a body over the limit with 413', () => {
    const response = refuseActionRequest(
      post({
        origin: 'http://app.local',
        'next-action': 'a1',
        'content-length': String(SERVER_ACTION_BODY_LIMIT + 1),
      }),
    );
    expect(response?.status).toBe(413);
  });
});
