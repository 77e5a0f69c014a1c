import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_IP_HEADER, clientIp, resolveClientIp, SERVER_SETS_CLIENT_IP } from '@/lib/http/client-ip';

afterEach(() => vi.unstubAllEnvs());

const headers = (values: Record<string, string>) => new Headers(values);

describe('resolveClientIp (npm start writes this before Next.js)', () => {
  it('takes the socket address, whatever the client says, unless a proxy is trusted', () => {
    const options = { socketAddress: '192.0.2.7', forwardedFor: '203.0.113.9', trustProxy: false };
    expect(resolveClientIp(options)).toBe('192.0.2.7');
  });

  it("behind a trusted proxy, takes the entry the proxy appended, not the client's own", () => {
    const forwardedFor = '198.51.100.1, 203.0.113.9';
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor, trustProxy: true })).toBe(
      '203.0.113.9',
    );
    expect(
      resolveClientIp({
        socketAddress: '127.0.0.1',
        forwardedFor: ['198.51.100.1', '203.0.113.9'],
        trustProxy: true,
      }),
    ).toBe('203.0.113.9');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: undefined, trustProxy: true })).toBe(
      '127.0.0.1',
    );
  });
});

describe('clientIp', () => {
  it("believes the header only when npm start's server wrote it", () => {
    const request = headers({ [CLIENT_IP_HEADER]: '192.0.2.7', 'x-forwarded-for': '198.51.100.1' });
    vi.stubEnv(SERVER_SETS_CLIENT_IP, '1');
    expect(clientIp(request)).toBe('192.0.2.7');
    vi.stubEnv(SERVER_SETS_CLIENT_IP, '');
    vi.stubEnv('TRUST_PROXY', '0');
    expect(clientIp(request)).toBe('unknown');
  });

  it('under next start or next dev, believes only the last X-Forwarded-For entry, and only with TRUST_PROXY=1', () => {
    vi.stubEnv(SERVER_SETS_CLIENT_IP, '');
    vi.stubEnv('TRUST_PROXY', '1');
    expect(clientIp(headers({ 'x-forwarded-for': 'chosen-by-client, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientIp(headers({ [CLIENT_IP_HEADER]: 'chosen-by-client' }))).toBe('unknown');
  });
});
