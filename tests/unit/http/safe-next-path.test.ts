import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/http/safe-next-path';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/documents/abc?x=1')).toBe('/documents/abc?x=1');
  });

  it.each([
    undefined,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/login?next=/',
  ])('sends %s home instead', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
