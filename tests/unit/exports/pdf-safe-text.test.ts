import { describe, expect, it } from 'vitest';
import { pdfSafeText } from '@/lib/exports/pdf-safe-text';

describe('pdfSafeText', () => {
  it('leaves plain text, Greek, typographic punctuation and text symbols alone', () => {
    const text = 'κ = 0.62, μ-opioid; “quoted” ‘single’ – — −2 … ✓ ✗ ☺ © ® ™ ↔ ♥ café';
    expect(pdfSafeText(text)).toBe(text);
  });

  it('replaces each emoji sequence with one placeholder', () => {
    expect(pdfSafeText('Good 👍🏽 news 🙂!')).toBe('Good [emoji] news [emoji]!');
    expect(pdfSafeText('Family 👨‍👩‍👧 and 👩🏽‍⚕️')).toBe('Family [emoji] and [emoji]');
    expect(pdfSafeText('UK 🇬🇧, England 🏴󠁧󠁢󠁥󠁮󠁧󠁿, key 1️⃣, heart ❤️, check ✅')).toBe(
      'UK [emoji], England [emoji], key [emoji], heart [emoji], check [emoji]',
    );
  });

  it('strips control and invisible characters but keeps line breaks and soft hyphens', () => {
    expect(pdfSafeText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcde\nf');
    expect(pdfSafeText('zero\u200bwidth\u200d joiner\u202e bidi\ufeff bom')).toBe(
      'zerowidth joiner bidi bom',
    );
    expect(pdfSafeText('line\r\nbreak\rand\u2028more\ttab')).toBe('line\nbreak\nand\nmore tab');
    expect(pdfSafeText('hyphen\u00adation')).toBe('hyphen\u00adation');
    expect(pdfSafeText('text style ☺\ufe0e')).toBe('text style ☺');
  });

  it('replaces a lone surrogate, which no PDF string can encode', () => {
    expect(pdfSafeText('cut \ud83d here')).toBe('cut \ufffd here');
    expect(pdfSafeText('cut \ude00 here')).toBe('cut \ufffd here');
  });

  it('marks characters the font cannot draw, when told which those are', () => {
    const latinAndGreekOnly = (cp: number) => cp < 0x0400 || cp === 0x2212;
    expect(pdfSafeText('κ −1 中文 ok', latinAndGreekOnly)).toBe('κ −1 \ufffd\ufffd ok');
  });
});
