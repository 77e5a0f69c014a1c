import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/http/safe-next-path';

// Strings made of the pieces that open redirects are built from.
const tricky = fc
  .array(
    fc.constantFrom(
      '/',
      '\\',
      '.',
      '%',
      '2',
      'F',
      '5',
      'C',
      '0',
      '9',
      'A',
      'D',
      '3',
      'E',
      ':',
      '@',
      '#',
      '?',
      ' ',
      '\t',
      '\u3000',
      'evil.example',
      'http',
      'login',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('safeNextPath', () => {
  it.each([
    ['/documents/abc?x=1', '/documents/abc?x=1'],
    ['/documents/abc?claim=7#panel', '/documents/abc?claim=7#panel'],
    ['/', '/'],
    ['/admin/users', '/admin/users'],
    ['/documents/a/../b', '/documents/b'],
    ['/search?q=50%25', '/search?q=50%25'],
    ['/search?q=50%', '/search?q=50%'],
    ['/%C3%A9tude', '/%C3%A9tude'],
    ['/étude?q=ü', '/%C3%A9tude?q=%C3%BC'],
    ['documents/abc', '/documents/abc'],
    ['/loginx', '/loginx'],
    ['/@evil.example', '/@evil.example'],
  ])('keeps %j on this site as %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    '',
    ['/documents/a', '/documents/b'],
    42,
    // Another origin, however it is spelled.
    'https://evil.example',
    'http://evil.example/documents',
    'https:evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%5Cevil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    '/%2E//evil.example',
    '%2F%2Fevil.example',
    '/%252F%252Fevil.example',
    '//evil.example@app',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.org',
    // Control characters and whitespace, raw or encoded, anywhere.
    '/\t/evil.example',
    '/%09/evil.example',
    '\t//evil.example',
    '/%0A',
    '/%0D',
    '/documents\n',
    '/documents%0D%0ASet-Cookie:%20x=1',
    '/documents/abc?claim=1%00',
    '/a b',
    '/a%20b',
    '/a\u3000b',
    '/a%E3%80%80b',
    '/a\u00a0b',
    '/a\u2028b',
    '/a\u200bb',
    '/a\u202eb',
    '/a\u007fb',
    '/a%7Fb',
    '/a%C2%85b',
    '/a%2509b',
    '\n',
    '%0A',
    '\u3000',
    // Escapes that are not UTF-8, or never stop decoding.
    '/%E3%80',
    '/%C0%AF',
    '/%2525252525252541',
    // The sign-in page itself.
    '/login',
    '/login?next=/',
    '/login/',
    '/./login',
    '/%6Cogin',
    // Too long to be a link anyone meant.
    `/${'a'.repeat(5000)}`,
  ])('sends %j home instead', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('returns a path on this site, without control characters or whitespace, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.string({ unit: 'binary' }), tricky),
        (next) => {
          const path = safeNextPath(next);
          expect(path).toMatch(/^\/(?![/\\])/);
          expect(path).not.toMatch(/[\s\p{Cc}]/u);
          expect(new URL(path, 'http://app.example').origin).toBe('http://app.example');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
