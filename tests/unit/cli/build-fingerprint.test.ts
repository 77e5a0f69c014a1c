import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFingerprint } from '@/lib/cli/build-if-stale';

const root = path.resolve(import.meta.dirname, '../../..');
const KEY = 'F4IonZhUuuDR/Qh3vW4jSzskh2h1KKOWt1I2yyfzgUE=';

describe('buildFingerprint', () => {
  it('changes with the settings baked into the build, so setting them rebuilds', () => {
    const plain = buildFingerprint(root, {});
    expect(buildFingerprint(root, {})).toBe(plain);
    expect(buildFingerprint(root, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY })).not.toBe(plain);
    expect(buildFingerprint(root, { APP_BUILD_ID: 'abc123' })).not.toBe(plain);
    // Other variables are read when the app runs, not baked in.
    expect(buildFingerprint(root, { PORT: '4000' })).toBe(plain);
  });

  it('does not hold the key itself', () => {
    expect(buildFingerprint(root, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY })).not.toContain(KEY);
  });
});
