import { parseDate } from './parse-date';

// A line under the title that names the author or the date, or both ("By Jane Doe | March 29, 2023"). Such a line
// describes the document and is never a claim.
const SEPARATOR = /\s+[|·•—–-]\s+/;
const BYLINE =
  /^(?:[Bb]y|[Ww]ritten by|[Aa]uthor:)\s+(\p{Lu}[\p{L}\p{M}'’.\- ]{1,60}(?:,\s*[\p{L}.]{2,12}){0,3})$/u;
const LONGEST = 160;

export type MetaLine = { author?: string; date?: { iso: string | null } };

export function parseMetaLine(line: string): MetaLine | null {
  if (line.length > LONGEST) return null;
  const meta: MetaLine = {};
  for (const part of line.split(SEPARATOR)) {
    const byline = BYLINE.exec(part.trim());
    const date = byline ? null : parseDate(part);
    if (byline?.[1] && !meta.author) meta.author = byline[1].trim();
    else if (date && !meta.date) meta.date = date;
    else return null;
  }
  return meta;
}
