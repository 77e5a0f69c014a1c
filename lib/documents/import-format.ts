import type { SourceFormat } from '@/lib/claims/types';

/** What can be imported: an article (text, Markdown, HTML) or a CSV list of claims. */
export const IMPORT_FORMATS = ['TEXT', 'MARKDOWN', 'HTML', 'CSV'] as const;
export type ImportFormat = SourceFormat | 'CSV';

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const IMPORT_FORMAT_LABEL: Record<ImportFormat, string> = {
  TEXT: 'Plain text',
  MARKDOWN: 'Markdown',
  HTML: 'HTML',
  CSV: 'CSV list of claims',
};
