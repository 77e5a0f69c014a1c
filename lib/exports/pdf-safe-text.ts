// pdfkit draws each character with the one embedded font and has no fallback: a code point the font lacks
// comes out as an empty box or nothing at all, and control characters can break the content stream's text
// layout. So text is cleaned before it reaches the PDF.

// Whole emoji sequences become one placeholder, not a row of boxes: flags, keycaps, and a pictograph shown as
// emoji (by default, or by U+FE0F) with its skin tone, tag characters and ZWJ-joined parts. Symbols that
// default to text presentation (✓ ☺ © ♥) are not emoji here and stay for the font, which has them. This
// matches what Unicode's RGI_Emoji set matches in practice, at a fiftieth of the cost of the `v`-flag pattern.
const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\ufe0f?\u20e3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f)\p{Emoji_Modifier}?[\u{e0020}-\u{e007f}]*(?:\u200d(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f?)\p{Emoji_Modifier}?)*/gu;
const EMOJI_PLACEHOLDER = '[emoji]';
// Control and invisible format characters and variation selectors, except newline (kept as a line break) and
// the soft hyphen, which pdfkit uses as a hyphenation point. Tabs and other separators become plain spaces.
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
const SPACES = /[\t\v\f]/g;
const INVISIBLE = /(?![\n\u00ad])(?:\p{Cc}|\p{Cf}|[\ufe00-\ufe0f])/gu;
// Half of a surrogate pair on its own (text cut in the middle of an emoji) cannot be encoded at all.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NON_ASCII = /[^\p{ASCII}]/gu;
const MISSING_GLYPH = '\ufffd';
// Most text is plain printable ASCII, which needs none of the passes below, and most of the rest has no
// character that can start an emoji.
const PLAIN = /^[\x20-\x7e\n]*$/;
const MAYBE_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/**
 * Text that the PDF font can draw. `hasGlyph`, when given, replaces any remaining code point the font lacks
 * with U+FFFD, so a gap in the font shows as a visible mark instead of vanishing.
 */
export function pdfSafeText(text: string, hasGlyph?: (codePoint: number) => boolean): string {
  if (PLAIN.test(text)) return text;
  const whole = text.replace(LONE_SURROGATE, MISSING_GLYPH);
  const cleaned = (MAYBE_EMOJI.test(whole) ? whole.replace(EMOJI, EMOJI_PLACEHOLDER) : whole)
    .replace(LINE_BREAKS, '\n')
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '');
  if (!hasGlyph) return cleaned;
  return cleaned.replace(NON_ASCII, (c) => (hasGlyph(c.codePointAt(0) as number) ? c : MISSING_GLYPH));
}
