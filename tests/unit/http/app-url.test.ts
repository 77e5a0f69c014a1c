import { afterEach, describe, expect, it, vi } from 'vitest';
import { appUrlFrom } from '@/lib/http/app-url';

afterEach(() => vi.unstubAllEnvs());

describe('appUrlFrom', () => {
  it('uses APP_URL when it is set, without a trailing slash', () => {
    vi.stubEnv('APP_URL', 'https://review.example.org/');
    expect(appUrlFrom(new Headers({ host: '10.0.0.5:3000' }))).toBe('https://review.example.org');
  });

  it('otherwise uses the Host the request came to, and trusts X-Forwarded-Proto only behind a trusted proxy', () => {
    vi.stubEnv('APP_URL', '');
    const headers = new Headers({ host: 'localhost:3000', 'x-forwarded-proto': 'https' });
    vi.stubEnv('TRUST_PROXY', '0');
    expect(appUrlFrom(headers)).toBe('http://localhost:3000');
    vi.stubEnv('TRUST_PROXY', '1');
    expect(appUrlFrom(headers)).toBe('https://localhost:3000');
  });
});
