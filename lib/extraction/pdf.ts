import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDF_MAX_BYTES } from '@/lib/documents/import-input';
import { cleanText } from '@/lib/domain/input-schemas';
import { extractFromLayout } from './extract-claims';
import { type Fragment, layOut, sameRow } from './pdf-layout';
import type { Extraction } from './types';

// The PDF reader: a PDF's text layer, read with pdfjs, rebuilt as a layout by pdf-layout.ts (paragraphs and
// headings in reading order, across two columns, without running headers, footers and page numbers), then cut
// into claims as every other format is.
// pdfjs is large and reads files, so only server and worker code imports this module; the browser's import
// preview never does.

// The size limit is the import's, which the browser checks too; it is here for callers that read PDFs alone.
export { PDF_MAX_BYTES };
/** The most pages an import reads. */
export const PDF_MAX_PAGES = 500;

export type PdfExtraction =
  | { ok: true; extraction: Extraction; pages: number }
  | { ok: false; error: string };

/**
 * The claims of a PDF, or a message that says why it cannot be read and what to do. `onPage` reports each page
 * as it is read, which is most of the work; `maxClaims` stops the extraction once past it, as extractClaims does.
 */
export async function extractPdf(
  bytes: Uint8Array,
  options: { onPage?: (page: number, pages: number) => void; maxPages?: number; maxClaims?: number } = {},
): Promise<PdfExtraction> {
  const refusal = refuseBytes(bytes);
  if (refusal) return { ok: false, error: refusal };
  const read = await readPdf(bytes, options.maxPages ?? PDF_MAX_PAGES, options.onPage);
  if (!read.ok) return read;
  const { pages, info } = read;
  const textless = pages.filter((fragments) => !fragments.some((f) => LETTER.test(f.text))).length;
  if (textless * 2 > pages.length) return { ok: false, error: scanned(textless, pages.length) };

  const layout = layOut(pages);
  if (!LETTER.test(layout.body)) return { ok: false, error: scanned(pages.length, pages.length) };
  const author = metadataText(info.Author) ?? layout.author;
  const extraction = extractFromLayout(
    { ...layout, ...(author ? { author } : {}) },
    { maxClaims: options.maxClaims },
  );
  const title = metadataText(info.Title) ?? extraction.title;
  return { ok: true, extraction: { ...extraction, title }, pages: pages.length };
}

/**
 * The text of every page, as fragments, and the document's Info dictionary; or the refusal of a PDF that pdfjs
 * cannot open or read. Only pdfjs's own failures are caught here: they describe the file.
 */
async function readPdf(
  bytes: Uint8Array,
  maxPages: number,
  onPage: ((page: number, pages: number) => void) | undefined,
): Promise<{ ok: true; pages: Fragment[][]; info: Record<string, unknown> } | { ok: false; error: string }> {
  const task = getDocument({
    // pdfjs takes the buffer over; the caller keeps its own.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Text needs no images: pdfjs leaves out every image larger than this instead of decoding it.
    maxImageSize: 1,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const count = doc.numPages;
    if (count === 0) return { ok: false, error: damaged('it has no pages') };
    if (count > maxPages) {
      return {
        ok: false,
        error: `This PDF has ${count} pages; at most ${maxPages} can be imported at once. Split it and import the part you need.`,
      };
    }
    const { info } = await doc.getMetadata();
    const fonts = new Map<string, boolean>();
    const pages: Fragment[][] = [];
    for (let number = 1; number <= count; number++) {
      const page = await doc.getPage(number);
      pages.push(await readPage(page, fonts));
      page.cleanup();
      onPage?.(number, count);
    }
    return { ok: true, pages, info: info as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: readError(error) };
  } finally {
    await task.destroy();
  }
}

const LETTER = /\p{L}/u;

function refuseBytes(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'The file is empty.';
  if (bytes.length > PDF_MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return `This PDF is ${mb} MB; the limit for a PDF is ${PDF_MAX_BYTES / 1024 / 1024} MB. Reduce its file size in a PDF reader, or split it, and import it again.`;
  }
  // The header may follow a little junk; every reader looks for it in the first kilobyte.
  if (!latin1(bytes.subarray(0, 1024)).includes('%PDF-')) {
    return 'This file is not a PDF: it does not start with a PDF header. Check that it is the right file, or save the article as a PDF again.';
  }
  // A PDF ends with %%EOF; Acrobat, too, refuses a file without it in its last kilobyte.
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
    return 'This PDF is incomplete: its end is missing, so it was probably cut short while it was downloaded or copied. Download or save it again and import the new copy.';
  }
  return null;
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

function readError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /encrypt|password|security handler/i.test(message)) {
    return 'This PDF is protected by a password, so its text cannot be read. Open it with its password, save or print a copy without one, and import that copy.';
  }
  return damaged(message.replace(/\.$/, ''));
}

function damaged(detail: string): string {
  return `This PDF is damaged and cannot be read (${detail}). Open it in a PDF reader, save or print it as a new PDF, and import that copy.`;
}

function scanned(textless: number, pages: number): string {
  const which = textless === pages ? 'This PDF has' : `${textless} of the ${pages} pages of this PDF have`;
  return `${which} no text layer; it looks scanned. Run it through OCR (text recognition) and import the result, or import the article's text instead.`;
}

// Names a document's metadata should not be taken for: what a word processor or scanner writes when the
// author gave none.
const PLACEHOLDER =
  /^(?:untitled|unknown|anonymous|document\s*\d*|scan(?:ned)?[\s_-]*\d*)$|^microsoft (?:word|powerpoint)\b|\.(?:docx?|pdf|tex|dvi|rtf|odt|indd)$/i;

function metadataText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = oneSpaced(value).trim();
  return LETTER.test(text) && !PLACEHOLDER.test(text) ? text : undefined;
}

// Text as it may be stored: no control characters or broken surrogates (PostgreSQL refuses a NUL), NFC, and
// runs of spaces as one.
function oneSpaced(text: string): string {
  return cleanText(text, 'line').replace(/ {2,}/g, ' ');
}

type Item = { text: string; x: number; xEnd: number; y: number; size: number; bold: boolean };

// Items this far apart on one line belong to different columns (or table cells); word spaces are narrower.
const FRAGMENT_GAP = 0.8;
// A gap this wide between two items of one fragment is a space the PDF did not write.
const WORD_GAP = 0.15;
const BOLD_NAME = /bold|black|heavy|semibold|demi/i;

async function readPage(page: PDFPageProxy, fonts: Map<string, boolean>): Promise<Fragment[]> {
  const content = await page.getTextContent();
  const items: Item[] = [];
  const names: string[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    // Rotated and vertical text (a journal's stamp up the margin) is not part of the reading order.
    if (a <= 0 || Math.abs(b) > 0.01 * a || Math.abs(c) > 0.01 * a) continue;
    const text = oneSpaced(item.str);
    if (text.trim() === '') continue;
    items.push({ text, x, xEnd: x + item.width, y, size: Math.abs(d), bold: false });
    names.push(item.fontName);
  }
  // The text layer names fonts only by an id. Their real names, which say whether they are bold, arrive with
  // the page's drawing instructions; those are fetched only for a page that brings a font not seen before.
  if (names.some((name) => !fonts.has(name))) {
    await page.getOperatorList();
    for (const name of new Set(names)) {
      if (fonts.has(name)) continue;
      const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { name?: unknown }) : null;
      fonts.set(name, typeof font?.name === 'string' && BOLD_NAME.test(font.name));
    }
  }
  items.forEach((item, i) => {
    item.bold = fonts.get(names[i] ?? '') ?? false;
  });
  return toFragments(items);
}

/** Items on one baseline and close together, joined; superscripts join the line they sit on. */
function toFragments(items: Item[]): Fragment[] {
  items.sort((p, q) => q.y - p.y || p.x - q.x);
  const fragments: Fragment[] = [];
  let row: Item[] = [];
  let anchor: Item | null = null;
  const flush = () => {
    row.sort((p, q) => p.x - q.x);
    let run: Item[] = [];
    for (const item of row) {
      const last = run.at(-1);
      if (last && item.x - last.xEnd > FRAGMENT_GAP * Math.max(item.size, last.size)) {
        fragments.push(joinItems(run));
        run = [];
      }
      run.push(item);
    }
    if (run.length > 0) fragments.push(joinItems(run));
    row = [];
  };
  for (const item of items) {
    if (anchor && !sameRow(anchor, item)) flush();
    if (row.length === 0 || (anchor && item.size > anchor.size)) anchor = item;
    row.push(item);
  }
  if (row.length > 0) flush();
  return fragments;
}

function joinItems(run: Item[]): Fragment {
  let text = '';
  let main = run[0] as Item;
  let boldChars = 0;
  let chars = 0;
  run.forEach((item, i) => {
    const previous = run[i - 1];
    const gap = previous ? item.x - previous.xEnd : 0;
    const spaced = text.endsWith(' ') || item.text.startsWith(' ');
    if (previous && !spaced && gap > WORD_GAP * item.size) text += ' ';
    text += item.text;
    chars += item.text.length;
    if (item.bold) boldChars += item.text.length;
    if (item.text.length > main.text.length) main = item;
  });
  const first = run[0] as Item;
  const last = run.at(-1) as Item;
  return {
    text: text.trim(),
    x: first.x,
    xEnd: last.xEnd,
    y: main.y,
    size: main.size,
    bold: boldChars >= 0.8 * chars,
  };
}
