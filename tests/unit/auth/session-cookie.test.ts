import { describe, expect, it } from 'vitest';
import { sessionSignature, verifiedSessionToken } from '@/lib/auth/session-cookie';

const secret = 'a-test-secret-that-is-long-enough-1234';
const cookie = (name: string, token: string, signature = sessionSignature(token, secret)) =>
  `theme=dark; ${name}=${encodeURIComponent(`${token}.${signature}`)}; other=1`;

describe('verifiedSessionToken', () => {
  it('returns the token of a correctly signed cookie, on http and on https', () => {
    expect(verifiedSessionToken(cookie('better-auth.session_token', 'tok123'), secret)).toBe('tok123');
    expect(verifiedSessionToken(cookie('__Secure-better-auth.session_token', 'tok123'), secret)).toBe(
      'tok123',
    );
  });

  it('refuses a forged, re-signed, truncated or missing cookie', () => {
    expect(verifiedSessionToken(cookie('better-auth.session_token', 'tok123', 'forged'), secret)).toBeNull();
    expect(
      verifiedSessionToken(
        cookie('better-auth.session_token', 'tok123', sessionSignature('tok123', 'other')),
        secret,
      ),
    ).toBeNull();
    expect(verifiedSessionToken('better-auth.session_token=tok123', secret)).toBeNull();
    expect(verifiedSessionToken('better-auth.session_token=%E0%A4%A', secret)).toBeNull();
    expect(verifiedSessionToken('theme=dark', secret)).toBeNull();
    expect(verifiedSessionToken(null, secret)).toBeNull();
  });
});
