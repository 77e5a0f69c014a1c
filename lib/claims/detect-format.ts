import type { SourceFormat } from './types';

const FORMATS = new Map<string, SourceFormat>([
  ['txt', 'TEXT'],
  ['md', 'MARKDOWN'],
  ['markdown', 'MARKDOWN'],
  ['html', 'HTML'],
  ['htm', 'HTML'],
]);

/** The source format of an uploaded file, from its extension (case ignored). */
export function detectFormat(
  fileName: string,
): { ok: true; format: SourceFormat } | { ok: false; error: string } {
  const name = fileName.split(/[/\\]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  const format = dot > 0 ? FORMATS.get(name.slice(dot + 1).toLowerCase()) : undefined;
  if (format) return { ok: true, format };
  return {
    ok: false,
    error: `“${name || fileName}” is not a file type that can be imported. Upload a .txt, .md, .markdown, .html or .htm file.`,
  };
}
