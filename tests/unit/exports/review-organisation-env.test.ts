import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';

describe('the reviewing organisation in the environment', () => {
  it('defaults the name and leaves the address unset', () => {
    const env = readEnv({});
    expect(env.REVIEW_ORGANISATION_NAME).toBe('Evidence Review Dashboard');
    expect(env.REVIEW_ORGANISATION_URL).toBeUndefined();
  });

  it('takes a name and a web address', () => {
    const env = readEnv({
      REVIEW_ORGANISATION_NAME: 'LDN Review Group',
      REVIEW_ORGANISATION_URL: 'https://ldn.example.org',
    });
    expect(env).toMatchObject({
      REVIEW_ORGANISATION_NAME: 'LDN Review Group',
      REVIEW_ORGANISATION_URL: 'https://ldn.example.org',
    });
  });

  it('refuses an address that is not a web address', () => {
    expect(() => readEnv({ REVIEW_ORGANISATION_URL: 'ldn.example.org' })).toThrow(
      /REVIEW_ORGANISATION_URL: must be/,
    );
    expect(() => readEnv({ REVIEW_ORGANISATION_URL: 'javascript:alert(1)' })).toThrow(
      /REVIEW_ORGANISATION_URL/,
    );
  });
});
