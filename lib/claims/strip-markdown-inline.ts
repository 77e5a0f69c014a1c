// Markdown's inline markup, removed so that the body reads as the rendered text: links keep their text, images
// and raw tags go, code spans keep their code, emphasis markers and backslash escapes go, and common entities
// are decoded. Every quantifier is bounded or stops at a delimiter, so the pass stays linear even on long lines.
const INLINE = new RegExp(
  [
    String.raw`\\([!-/:-@[-\x60{-~])`,
    String.raw`!\[[^\]\n]{0,200}\]\([^)\n]{0,1000}\)`,
    String.raw`\[([^\]\n]{0,200})\](?:\([^)\n]{0,1000}\)|\[[^\]\n]{0,200}\])`,
    String.raw`<((?:https?|mailto):[^>\s]{1,2000})>`,
    String.raw`<!--[^\n]{0,2000}?-->|<\/?[A-Za-z][^<>\n]{0,1000}>`,
    String.raw`\x60([^\x60\n]{0,2000})\x60`,
    String.raw`(\*{1,3}|~~|_{1,3})`,
    String.raw`&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));`,
  ].join('|'),
  'g',
);
// Most prose has none of the characters that start markup, and testing for them is much cheaper than replacing.
const MARKUP_START = /[\\![<\x60*~_&]/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  deg: '°',
  micro: 'µ',
  plusmn: '±',
  times: '×',
  le: '≤',
  ge: '≥',
};

export function stripMarkdownInline(line: string): string {
  if (!MARKUP_START.test(line)) return line;
  return line.replace(
    INLINE,
    (
      match: string,
      escaped: string | undefined,
      linkText: string | undefined,
      autolink: string | undefined,
      code: string | undefined,
      emphasis: string | undefined,
      decimal: string | undefined,
      hex: string | undefined,
      named: string | undefined,
      offset: number,
    ) => {
      if (escaped !== undefined) return escaped;
      if (linkText !== undefined) return stripMarkdownInline(linkText);
      if (autolink !== undefined) return autolink;
      if (code !== undefined) return code;
      if (emphasis !== undefined) return isDelimiter(line, offset, emphasis) ? '' : emphasis;
      if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10), match);
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), match);
      if (named !== undefined) return ENTITIES[named] ?? match;
      return '';
    },
  );
}

// A run of * or ~~ is emphasis unless spaces surround it ("5 * 3"); a run of _ is emphasis only at the edge of a
// word, so snake_case stays as it is.
function isDelimiter(line: string, offset: number, run: string): boolean {
  const before = line[offset - 1] ?? ' ';
  const after = line[offset + run.length] ?? ' ';
  if (run[0] !== '_') return before.trim() !== '' || after.trim() !== '';
  return (!WORD_CHAR.test(before) && after.trim() !== '') || (before.trim() !== '' && !WORD_CHAR.test(after));
}

function fromCodePoint(code: number, fallback: string): string {
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : fallback;
}
