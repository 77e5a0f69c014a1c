// Reviewer-typed text in Markdown: the characters that start Markdown or HTML markup are escaped, so the text
// reads as typed and cannot inject links, tables or tags. Other punctuation stays readable in the raw file.
const MARKUP = /([\\`*_[\]|<>#])/g;

/** Text on one line, e.g. in a heading or list item. */
export function markdownInline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(MARKUP, '\\$1')
    .trim();
}

/**
 * Text in a table cell. A `|` would end the cell and a line break the row, so pipes are escaped and line breaks
 * become <br>, which GitHub, GitLab and pandoc render inside cells.
 */
export function markdownCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(MARKUP, '\\$1'))
    .join('<br>')
    .replace(/^(<br>)+|(<br>)+$/g, '');
}
