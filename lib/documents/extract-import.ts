import { extractClaims } from '@/lib/claims/extract-claims';
import type { Extraction } from '@/lib/claims/types';
import { type CsvExtraction, extractClaimsCsv } from './extract-claims-csv';
import type { ImportFormat } from './import-format';

export type ImportExtraction = Extraction & { sources?: CsvExtraction['sources'] };

/** The claims an import will create. Pure, so the import page previews exactly what the server will save. */
export function extractImport(input: {
  text: string;
  format: ImportFormat;
}): { ok: true; extraction: ImportExtraction } | { ok: false; error: string } {
  if (!input.text.trim())
    return { ok: false, error: 'There is no text to import. Paste an article or choose a file.' };
  if (input.format === 'CSV') return extractClaimsCsv(input.text);
  return { ok: true, extraction: extractClaims({ text: input.text, format: input.format }) };
}
