import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/extraction/extract-claims';
import type { SourceFormat } from '@/lib/extraction/types';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';

const FORMATS: SourceFormat[] = ['TEXT', 'MARKDOWN', 'HTML'];

// Pieces of real articles in all three formats, shuffled: they reach the structure-dependent paths (headings,
// lists, lead-ins, references, abbreviations, entities) far more often than random characters do.
const PIECES = [
  'LDN may help. ',
  'Dr. Smith gave 1.5 mg, e.g. at night',
  'etc.. ',
  'St. John’s wort',
  'Symptoms include:',
  'References',
  'Book by Ann Lee.',
  'March 29, 2023',
  'By Jane Doe',
  '\n',
  '\n\n',
  '\r\n',
  '  ',
  '\u00A0',
  '\t',
  '• ',
  '1. ',
  '- ',
  '# ',
  '## ',
  '> ',
  '```',
  '---',
  '| a | b |',
  '**',
  '_',
  '[link](http://x)',
  '&nbsp;',
  '&#0;',
  '<p>',
  '</p>',
  '<h2>',
  '</h2>',
  '<ul><li>',
  '</li>',
  '<br>',
  '<script>',
  '<nav>',
  '</nav>',
  '<title>',
  '<h1>',
  '<ol class="references">',
  '<!--',
  '?',
  ':',
  '.',
  '“',
  '’',
  '😀',
  '\uD800',
];

const inputs = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join('')),
);

describe('extractClaims, for any input', () => {
  for (const format of FORMATS) {
    it(`never throws and pins every claim to the body (${format})`, () => {
      fc.assert(
        fc.property(inputs, (text) => {
          const extraction = extractClaims({ text, format });
          expectPinned(extraction);
          for (const claim of extraction.claims) {
            expect(claim.start).toBeGreaterThanOrEqual(0);
            expect(claim.end).toBeLessThanOrEqual(extraction.body.length);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
