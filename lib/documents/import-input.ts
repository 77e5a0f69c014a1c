import { z } from 'zod';
import { cleanText, multiLineText, singleLineText, sourceUrl } from '@/lib/domain/input-schemas';
import { type CsvExtraction, extractClaimsCsv } from '@/lib/extraction/csv';
import { extractClaims } from '@/lib/extraction/extract-claims';
import type { Extraction, SourceFormat } from '@/lib/extraction/types';
import { decodeText, detectFormat, notTextReason } from '@/lib/extraction/upload';

// What an import takes in: its formats and size limit, an uploaded file read as text, and the claims extracted
// from it. Pure, so the browser's preview and the server see the same.

/** What can be imported: an article (text, Markdown, HTML) or a CSV list of claims. */
export const IMPORT_FORMATS = ['TEXT', 'MARKDOWN', 'HTML', 'CSV'] as const;
export type ImportFormat = SourceFormat | 'CSV';

/** An article's text, pasted or in a file, in UTF-8 bytes: the browser checks it before sending, the server again. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** A PDF carries fonts and images besides its text, so its file may be larger. */
export const PDF_MAX_BYTES = 20 * 1024 * 1024;
/**
 * The most claims one document may have. Past it a review is no longer one review, and the workspace's list
 * and every export slow down; such an import is refused before anything is written.
 */
export const IMPORT_MAX_CLAIMS = 20_000;

export const IMPORT_FORMAT_LABEL: Record<ImportFormat, string> = {
  TEXT: 'Plain text',
  MARKDOWN: 'Markdown',
  HTML: 'HTML',
  CSV: 'CSV list of claims',
};

export type ImportExtraction = Extraction & { sources?: CsvExtraction['sources'] };

/** The claims an import will create. Pure, so the import page previews exactly what the server will save. */
export function extractImport(input: {
  text: string;
  format: ImportFormat;
}): { ok: true; extraction: ImportExtraction } | { ok: false; error: string } {
  if (!input.text.trim())
    return { ok: false, error: 'There is no text to import. Paste an article or choose a file.' };
  const result =
    input.format === 'CSV'
      ? extractClaimsCsv(input.text)
      : ({
          ok: true,
          extraction: extractClaims({
            text: input.text,
            format: input.format,
            maxClaims: IMPORT_MAX_CLAIMS,
          }),
        } as const);
  return result.ok ? withinClaimLimit(result.extraction) : result;
}

/** The extraction, or the refusal of one with more claims than a document may have. */
export function withinClaimLimit<E extends Extraction>(
  extraction: E,
): { ok: true; extraction: E } | { ok: false; error: string } {
  if (extraction.claims.length <= IMPORT_MAX_CLAIMS) return { ok: true, extraction };
  return {
    ok: false,
    error: `This text has more than ${IMPORT_MAX_CLAIMS.toLocaleString('en-GB')} claims, the most one document may have. Split it into parts and import each part.`,
  };
}

/** A PDF, known by its name as the server knows it. Only the server reads its text, so the browser previews none. */
export function isPdfFile(name: string): boolean {
  return /\.pdf$/i.test(name);
}

/** The file a pasted text is sent as, so a paste and an upload take one way in with one size limit. */
export function pastedFileName(format: ImportFormat): string {
  return `pasted.${{ TEXT: 'txt', MARKDOWN: 'md', HTML: 'html', CSV: 'csv' }[format]}`;
}

const MB = 1024 * 1024;

/**
 * What to say when an import is over its size limit, or null when it is within: a pasted text (no `name`), a
 * file of text, or a PDF. Checked in the browser before anything is sent, so a large paste stays where it is.
 */
export function importSizeError(input: { bytes: number; name?: string; pdf?: boolean }): string | null {
  const limit = input.pdf ? PDF_MAX_BYTES : IMPORT_MAX_BYTES;
  if (input.bytes <= limit) return null;
  const size = `${(input.bytes / MB).toFixed(1)} MB`;
  if (input.name === undefined)
    return `The pasted text is ${size}; the limit is ${limit / MB} MB. Nothing was sent: split the article and import the parts, or leave out what is not the article (references, comments).`;
  if (input.pdf)
    return `“${input.name}” is ${size}; the limit for a PDF is ${limit / MB} MB. Save it again without its images, or paste its text.`;
  return `“${input.name}” is ${size}; the limit is ${limit / MB} MB. Split the article, or import its text.`;
}

/** What to say when a pasted text is over the limit, counted as the server counts it: in UTF-8 bytes. */
export function pasteSizeError(text: string): string | null {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so a shorter text needs no counting.
  if (text.length * 3 <= IMPORT_MAX_BYTES) return null;
  return importSizeError({ bytes: new TextEncoder().encode(text).length });
}

/**
 * An uploaded PDF's bytes, or a message that says what to fix: its size and its signature are checked here; its
 * text, only the server's import worker reads (lib/extraction/pdf.ts).
 */
export function readPdfUpload(file: {
  name: string;
  bytes: Uint8Array;
}): { ok: true; bytes: Uint8Array } | { ok: false; error: string } {
  const tooLarge = importSizeError({ bytes: file.bytes.length, name: file.name, pdf: true });
  if (tooLarge) return { ok: false, error: tooLarge };
  const signature = new TextDecoder('latin1').decode(file.bytes.subarray(0, 1024));
  if (!signature.includes('%PDF-')) {
    return {
      ok: false,
      error: `“${file.name}” is named as a PDF but is not one. Export it as a PDF again, or upload its text.`,
    };
  }
  return { ok: true, bytes: file.bytes };
}

/** An uploaded file as text and format, or a message that says what to fix. Pure: the browser previews with it. */
export function readUpload(file: {
  name: string;
  bytes: Uint8Array;
}): { ok: true; text: string; format: ImportFormat } | { ok: false; error: string } {
  const checked = checkUpload(file);
  return checked.ok ? { ...checked, text: decodeText(file.bytes).text } : checked;
}

/**
 * What is cheap to check of an uploaded text file, and its format: its size, its name, and that its bytes can
 * be text (lib/extraction/upload.ts). The server checks this at the door and leaves decoding and cleaning the
 * text, which take a 2 MB file tens of milliseconds, to its import worker (importText).
 */
export function checkUpload(file: {
  name: string;
  bytes: Uint8Array;
}): { ok: true; format: ImportFormat } | { ok: false; error: string } {
  const tooLarge = importSizeError({ bytes: file.bytes.length, name: file.name });
  if (tooLarge) return { ok: false, error: tooLarge };
  const isCsv = /\.csv$/i.test(file.name);
  const format = isCsv ? ({ ok: true, format: 'CSV' } as const) : detectFormat(file.name);
  if (!format.ok) {
    return {
      ok: false,
      error: `“${file.name}” cannot be imported. Upload a .txt, .md, .html, .csv or .pdf file.`,
    };
  }
  const refused = notTextReason(file.bytes);
  return refused ? { ok: false, error: refused } : { ok: true, format: format.format };
}

/**
 * A checked text file's bytes (checkUpload), or the UTF-8 of a text sent as JSON, as the text to import:
 * decoded as readUpload decodes it and cleaned as ImportInput cleans every text (cleaning twice changes
 * nothing).
 */
export function importText(bytes: Uint8Array): string {
  return cleanText(decodeText(bytes).text, 'lines');
}

const optionalLine = (max: number, message: string) => singleLineText().trim().max(max, message).nullish();

/**
 * What an import carries, from the import page's action, a script's JSON or a multipart upload alike: the same
 * cleaning, the same limits, and a source that can only be an http or https address.
 */
export const ImportInput = z.object({
  text: multiLineText({ error: 'Paste an article or choose a file.' }).min(
    1,
    'Paste an article or choose a file.',
  ),
  format: z.enum(IMPORT_FORMATS, { error: 'Choose the format: text, Markdown, HTML or CSV.' }),
  title: optionalLine(300, 'A title can be at most 300 characters.'),
  author: optionalLine(300, 'An author can be at most 300 characters.'),
  sourceUrl: sourceUrl.nullish(),
  publishedOn: z
    .union([z.literal(''), z.iso.date({ error: 'Enter the date as YYYY-MM-DD.' })])
    .nullish()
    .transform((v) => (v ? new Date(v) : null)),
});
