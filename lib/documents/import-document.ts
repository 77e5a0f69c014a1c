import type { Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { claimsOf, writeDocument } from '@/lib/imports/write-document';
import { extractImport, IMPORT_MAX_BYTES, type ImportExtraction, type ImportFormat } from './import-input';

export type ImportDocumentOptions = {
  text: string;
  format: ImportFormat;
  title?: string | null;
  sourceUrl?: string | null;
  author?: string | null;
  publishedOn?: Date | null;
  /** Who imports it; null for the sample data loaded at first start. */
  actorId: string | null;
  projectId: string;
  slug?: string;
  tx?: Tx;
};

/**
 * Imports an article (or a CSV list of claims) here and now: the sample data at first start, and tests. What
 * people import goes through an import job instead (lib/imports), off the request's path.
 */
export async function importDocument(options: ImportDocumentOptions) {
  if (Buffer.byteLength(options.text, 'utf8') > IMPORT_MAX_BYTES) {
    throw new AppError(
      'VALIDATION',
      'The text is over the 2 MB limit. Split the article and import the parts.',
      { text: 'The text is over the 2 MB limit.' },
    );
  }
  const result = extractImport({ text: options.text, format: options.format });
  if (!result.ok) throw new AppError('VALIDATION', result.error, { text: result.error });
  return writeDocument({
    extraction: result.extraction,
    claims: claimsOf(result.extraction),
    fields: documentFields(result.extraction, { ...options, importFormat: options.format }),
    tx: options.tx,
  });
}

/** Title, author and date as given, else as the text shows them. */
export function documentFields(
  extraction: Pick<ImportExtraction, 'title' | 'author' | 'publishedAt'>,
  given: {
    title?: string | null;
    sourceUrl?: string | null;
    author?: string | null;
    publishedOn?: Date | null;
    importFormat: ImportFormat | 'PDF';
    actorId: string | null;
    projectId: string;
    slug?: string;
  },
) {
  return {
    title: given.title?.trim() || extraction.title || 'Untitled document',
    sourceUrl: given.sourceUrl || null,
    author: given.author?.trim() || extraction.author || null,
    publishedOn: given.publishedOn ?? (extraction.publishedAt ? new Date(extraction.publishedAt) : null),
    importFormat: given.importFormat,
    actorId: given.actorId,
    projectId: given.projectId,
    slug: given.slug,
  };
}
