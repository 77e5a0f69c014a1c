import { describe, expect, it } from 'vitest';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';

const request = (headers: Record<string, string>) =>
  new Request('http://app.local/api/x', { method: 'POST', headers: { host: 'app.local', ...headers } });

describe('assertSameOrigin', () => {
  it('accepts the same origin, and scripts that send none', () => {
    expect(() => assertSameOrigin(request({ origin: 'http://app.local' }))).not.toThrow();
    expect(() => assertSameOrigin(request({}))).not.toThrow();
  });

  it('refuses another origin, a malformed one, and a browser-declared cross-site request', () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of cases) {
      expect(() => assertSameOrigin(request(headers))).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    }
  });
});
