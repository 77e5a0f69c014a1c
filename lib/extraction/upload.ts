import type { SourceFormat } from './types';

// An uploaded file as text: its format from its name, and its bytes decoded (or refused as binary).

// An uploaded file's bytes as text. UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), else
// Windows-1252, the encoding of most older Western text files: a byte sequence that is not valid UTF-8 almost
// never is by accident, so this order never turns valid text into mojibake. Binary files are refused.

type DecodedUpload =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' }
  | { ok: false; error: string };

// For the share of control bytes, the first bytes are enough to tell text from binary.
const SAMPLE = 64 * 1024;
// Text may hold a stray form feed or escape; binary data is full of control bytes.
const MAX_CONTROL_SHARE = 0.01;

export function decodeUpload(bytes: Uint8Array): DecodedUpload {
  const refused = notTextReason(bytes);
  return refused ? { ok: false, error: refused } : { ok: true, ...decodeText(bytes) };
}

/**
 * Why these bytes cannot be a text file, or null: empty, UTF-16, a known binary signature, too many control
 * bytes, or a NUL anywhere. A look at the first bytes and one native scan, so the server checks an upload at
 * the door with it, and leaves decoding to its import worker.
 */
export function notTextReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'The file is empty.';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return 'The file is saved as UTF-16. Save it as UTF-8 text and upload it again.';
  }
  const binary = binaryKind(bytes);
  if (binary) {
    return `The file looks like ${binary}, not text. Upload the article as a .txt, .md or .html file.`;
  }
  // A NUL is never text, wherever it is: PostgreSQL cannot even store it. indexOf scans natively, so the whole
  // file is cheap to check.
  if (bytes.indexOf(0) !== -1) {
    return 'This file contains NUL bytes, so it looks like a binary file, not text. Save it as plain text, Markdown or HTML and upload again.';
  }
  return null;
}

/** Bytes that passed notTextReason, as text: UTF-8 when they are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

const SIGNATURES: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'a Word document or other ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Word or Office document'],
  [[0x89, 0x50, 0x4e, 0x47], 'an image'],
  [[0xff, 0xd8, 0xff], 'an image'],
  [[0x47, 0x49, 0x46, 0x38], 'an image'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'a rich-text (RTF) document'],
];

function binaryKind(bytes: Uint8Array): string | null {
  for (const [signature, kind] of SIGNATURES) if (startsWith(bytes, signature)) return kind;
  const length = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] ?? 0;
    // NUL is told apart below, with its own message.
    if (byte > 0 && byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d)
      controls++;
  }
  return controls > length * MAX_CONTROL_SHARE ? 'a binary file' : null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

// Where Windows-1252 differs from Latin-1: bytes 0x80–0x9F are printable characters (curly quotes, dashes, €),
// not C1 controls. Some runtimes' TextDecoder('windows-1252') returns the controls (Node.js before 23 does), so
// they are mapped here; where the decoder is right this changes nothing. 0x81, 0x8D, 0x8F, 0x90 and 0x9D have
// no character and stay as they are.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const C1 = /[\u0080-\u009F]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

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
