// YAML front matter ("---" lines around "key: value" pairs) at the top of a Markdown file. Only the flat keys the
// extractor uses are read; anything fancier is skipped rather than parsed.
const FRONT_MATTER = /^---[ \t]*\n([\s\S]{0,20000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const PAIR = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;

export type FrontMatter = { length: number; fields: Map<string, string> };

export function readFrontMatter(source: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  const fields = new Map<string, string>();
  if (!match) return { length: 0, fields };
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = PAIR.exec(line);
    if (!pair?.[1] || !pair[2]) continue;
    const value = pair[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value) fields.set(pair[1].toLowerCase(), value);
  }
  return { length: match[0].length, fields };
}
