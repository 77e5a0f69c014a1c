/** Text as a reviewer reads it: the source's line breaks, with the spaces around them, become single spaces. */
export function oneLine(text: string): string {
  if (!text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
