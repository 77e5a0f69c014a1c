import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';

describe('readEnv', () => {
  it('fills the defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', EMBEDDED_POSTGRES_DIR: '.data/postgres' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats a blank DATABASE_URL as unset', () => {
    expect(readEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('says which variable is wrong and how', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: 'mysql://x/y' })).toThrow(
      /DATABASE_URL: must look like postgresql:/,
    );
  });
});
