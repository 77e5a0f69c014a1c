import { decodeUpload } from '@/lib/claims/decode-upload';
import { detectFormat } from '@/lib/claims/detect-format';
import { IMPORT_MAX_BYTES, type ImportFormat } from './import-format';

/** An uploaded file as text and format, or a message that says what to fix. Pure: browser and server use it. */
export function readUpload(file: {
  name: string;
  bytes: Uint8Array;
}): { ok: true; text: string; format: ImportFormat } | { ok: false; error: string } {
  if (file.bytes.length > IMPORT_MAX_BYTES) {
    const mb = (file.bytes.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      error: `“${file.name}” is ${mb} MB; the limit is 2 MB. Split the article, or import its text.`,
    };
  }
  const isCsv = /\.csv$/i.test(file.name);
  const format = isCsv ? ({ ok: true, format: 'CSV' } as const) : detectFormat(file.name);
  if (!format.ok) {
    return { ok: false, error: `“${file.name}” cannot be imported. Upload a .txt, .md, .html or .csv file.` };
  }
  const decoded = decodeUpload(file.bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, text: decoded.text, format: format.format };
}
