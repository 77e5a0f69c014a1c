import { z } from 'zod';

// The one way user text enters the app. Every action and route handler builds its text fields from these
// schemas, so each field is cleaned before it is checked or stored: PostgreSQL refuses a NUL character outright
// (error 22021), and the other control characters and broken UTF-16 only ever arrive by accident or by attack.

// C0 controls other than tab and newline, and DEL. Form feed and vertical tab break lines in text from PDFs and
// old editors, so in multi-line text they become a newline instead of joining two lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LINE_BREAKS = /\r\n?|\v|\f/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one: half a character.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as it may be stored: line endings as LF (or, for a single line, every line break and tab as a space), no
 * other control characters, no lone surrogates, and Unicode NFC so that the same word is always the same string.
 */
export function cleanText(value: string, shape: 'lines' | 'line' = 'lines'): string {
  const breaks = shape === 'lines' ? value.replace(LINE_BREAKS, '\n') : value.replace(/[\t\n\r\v\f]/g, ' ');
  return breaks.replace(CONTROLS, '').replace(LONE_SURROGATES, '').normalize('NFC');
}

type StringParams = Parameters<typeof z.string>[0];

/** Multi-line text (an article, a rationale, a comment, a note), cleaned; chain .trim(), .min() and .max(). */
export const multiLineText = (params?: StringParams) =>
  z.string(params).overwrite((v) => cleanText(v, 'lines'));

/** A single line (a title, an author, a name, an email address), cleaned; chain .trim(), .min() and .max(). */
export const singleLineText = (params?: StringParams) =>
  z.string(params).overwrite((v) => cleanText(v, 'line'));

export const SOURCE_URL_MESSAGE = 'Enter a web address starting with http:// or https://.';

/**
 * A document's source: an http or https address only, since it is shown and exported as a link. A blank value
 * means none.
 */
export const sourceUrl = singleLineText({ error: SOURCE_URL_MESSAGE })
  .trim()
  .max(2_000, 'A web address can be at most 2,000 characters.')
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: SOURCE_URL_MESSAGE })]))
  .transform((v) => v || null);
