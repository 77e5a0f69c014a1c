import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

// PDFs made in the test from a known text, laid out the way journals and reports set them: one or two columns,
// a title and author line across the page, bold headings, words hyphenated at line ends, a running header and
// page numbers. Lines are broken here rather than by pdfkit, so that where a word is hyphenated is known and
// only words of letters are ever split: a real hyphen ("low-dose") never ends a line.

export type PdfSection = {
  heading?: string;
  /** The heading runs across both columns, which start again below it. */
  across?: boolean;
  paragraphs: string[];
};

export type MakePdfOptions = {
  columns: 1 | 2;
  /**
   * The body: sections with an optional heading, paragraphs alone, a text whose paragraphs blank lines separate,
   * or headings and paragraphs in order.
   */
  sections?: PdfSection[];
  paragraphs?: string[];
  text?: string;
  blocks?: Array<{ kind: 'heading' | 'paragraph'; text: string }>;
  /** The document's Info dictionary. */
  metadata?: { title?: string; author?: string };
  /** Set large and bold across the top of the first page. */
  title?: string;
  /** The line of names under the title. */
  authors?: string;
  /** Lines under the names, set smaller. */
  affiliations?: string[];
  /** A running header at the top of every page. */
  header?: string;
  /** A page number at the foot of every page: "3", or "Page 3 of 9". */
  pageNumbers?: 'plain' | 'page-of';
  /** Repeat the body until the document has exactly this many pages. */
  fillPages?: number;
  /** Headings are bold, and this large (12 unless given; 10 is the body's size). */
  headingSize?: number;
  /** Encrypts the file; pdfjs then asks for this password. */
  userPassword?: string;
};

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { x: 56, top: 64, bottom: 64 };
const GUTTER = 20;
const BODY = { font: 'Helvetica', size: 10, leading: 12.5 };
const TITLE = { font: 'Helvetica-Bold', size: 20, leading: 24 };
const PARAGRAPH_GAP = 6;
const HEADING_GAP = 8;
// The shortest part of a word left on either side of a hyphenated line end.
const MIN_PART = 3;

type Style = { font: string; size: number; leading: number };

/** A PDF of the given text, as bytes. */
export async function makePdf(options: MakePdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    info: {
      ...(options.metadata?.title ? { Title: options.metadata.title } : {}),
      ...(options.metadata?.author ? { Author: options.metadata.author } : {}),
    },
    ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}),
  });
  const bytes = collect(doc);
  const paragraphs =
    options.paragraphs ??
    options.text
      ?.split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
  const sections = options.sections ?? fromBlocks(options.blocks) ?? [{ paragraphs: paragraphs ?? [] }];
  const columnWidth =
    options.columns === 2 ? (PAGE.width - 2 * MARGIN.x - GUTTER) / 2 : PAGE.width - 2 * MARGIN.x;
  const fullWidth = PAGE.width - 2 * MARGIN.x;
  const bottom = PAGE.height - MARGIN.bottom;
  const headingSize = options.headingSize ?? 12;
  const heading: Style = { font: 'Helvetica-Bold', size: headingSize, leading: headingSize * 1.25 };
  let y = MARGIN.top;
  let pages = 0;
  let full = false;

  const draw = (text: string, style: Style, x: number, at: number) =>
    doc.font(style.font).fontSize(style.size).text(text, x, at, { lineBreak: false });
  const newPage = () => {
    doc.addPage();
    pages++;
    y = MARGIN.top;
    if (options.header) draw(options.header, { font: 'Helvetica', size: 8, leading: 10 }, MARGIN.x, 36);
  };
  // False, and the document full, when it has as many pages as it may.
  const nextPage = (): boolean => {
    full = options.fillPages !== undefined && pages >= options.fillPages;
    if (!full) newPage();
    return !full;
  };

  newPage();
  for (const line of options.title ? wrap(doc, options.title, TITLE, fullWidth) : []) {
    draw(line, TITLE, MARGIN.x, y);
    y += TITLE.leading;
  }
  if (options.title) y += 4;
  if (options.authors) {
    draw(options.authors, { font: 'Helvetica', size: 11, leading: 16 }, MARGIN.x, y);
    y += 16;
  }
  for (const affiliation of options.affiliations ?? []) {
    draw(affiliation, { font: 'Helvetica', size: 8, leading: 11 }, MARGIN.x, y);
    y += 11;
  }
  if (options.authors || options.affiliations) y += 8;

  const bands = toBands(sections, (text, style) => wrap(doc, text, style, columnWidth), heading);
  // The body in bands: the lines between two headings across the page flow down the columns, which end level on
  // the band's last page, as journals set them.
  const flow = (entries: Entry[]) => {
    let i = 0;
    while (i < entries.length && !full) {
      const top = y;
      const rest = entries.slice(i).reduce((sum, e) => sum + e.gapBefore + e.style.leading, 0);
      const available = bottom - top;
      const columnHeight =
        rest <= options.columns * available ? Math.ceil(rest / options.columns) : available;
      for (let column = 0; column < options.columns && i < entries.length; column++) {
        const x = MARGIN.x + column * (columnWidth + GUTTER);
        let at = top;
        for (let entry = entries[i]; entry; entry = entries[i]) {
          const gap = at === top ? 0 : entry.gapBefore;
          // A heading is not left alone at the foot of a column.
          const needed = gap + entry.style.leading + (entry.keepWithNext ? 2 * BODY.leading : 0);
          if (at > top && (at + needed > bottom || at + gap + entry.style.leading - top > columnHeight))
            break;
          at += gap;
          draw(entry.text, entry.style, x, at);
          at += entry.style.leading;
          i++;
        }
        y = Math.max(y, at);
      }
      if (i < entries.length) nextPage();
    }
  };

  const lines = bands.reduce((sum, band) => sum + band.entries.length, 0);
  do {
    for (const band of bands) {
      if (band.across && !full) {
        const across = wrap(doc, band.across, heading, fullWidth);
        y += HEADING_GAP;
        if (y + across.length * heading.leading + 2 * BODY.leading > bottom) nextPage();
        for (const line of full ? [] : across) {
          draw(line, heading, MARGIN.x, y);
          y += heading.leading;
        }
        y += 2;
      }
      flow(band.entries);
    }
  } while (options.fillPages !== undefined && !full && lines > 0);

  if (options.pageNumbers) {
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const label = options.pageNumbers === 'plain' ? String(i + 1) : `Page ${i + 1} of ${range.count}`;
      doc.font('Helvetica').fontSize(8);
      doc.text(label, (PAGE.width - doc.widthOfString(label)) / 2, PAGE.height - 40, { lineBreak: false });
    }
  }
  doc.end();
  return bytes;
}

/** A scanned document: every page an image of grey speckles, with no text at all. */
export async function makeScannedPdf(pages = 2): Promise<Buffer> {
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: false });
  const bytes = collect(doc);
  const image = speckledPng(200, 280);
  for (let i = 0; i < pages; i++) {
    doc.addPage();
    doc.image(image, 40, 40, { width: PAGE.width - 80 });
  }
  doc.end();
  return bytes;
}

/** A line of a column, with the space above it. */
type Entry = { text: string; style: Style; gapBefore: number; keepWithNext: boolean };

/** The sections' lines, in bands that headings across the page separate. */
function toBands(
  sections: PdfSection[],
  wrapped: (text: string, style: Style) => string[],
  heading: Style,
): Array<{ across?: string; entries: Entry[] }> {
  const bands: Array<{ across?: string; entries: Entry[] }> = [{ entries: [] }];
  for (const section of sections) {
    if (section.heading && section.across) bands.push({ across: section.heading, entries: [] });
    const entries = bands.at(-1)?.entries ?? [];
    const headed = section.heading !== undefined && !section.across;
    if (headed) {
      wrapped(section.heading ?? '', heading).forEach((text, k) => {
        entries.push({ text, style: heading, gapBefore: k === 0 ? HEADING_GAP : 0, keepWithNext: true });
      });
    }
    section.paragraphs.forEach((paragraph, p) => {
      wrapped(paragraph, BODY).forEach((text, k) => {
        const gapBefore = k > 0 ? 0 : p === 0 && headed ? 2 : PARAGRAPH_GAP;
        entries.push({ text, style: BODY, gapBefore, keepWithNext: false });
      });
    });
  }
  return bands;
}

function fromBlocks(blocks: MakePdfOptions['blocks']): PdfSection[] | undefined {
  if (!blocks) return undefined;
  const sections: PdfSection[] = [{ paragraphs: [] }];
  for (const block of blocks) {
    if (block.kind === 'heading') sections.push({ heading: block.text, paragraphs: [] });
    else sections.at(-1)?.paragraphs.push(block.text);
  }
  return sections;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// Greedy line breaking; in the body, a word of letters that does not fit is hyphenated when a part of it fits.
function wrap(doc: PDFKit.PDFDocument, text: string, style: Style, width: number): string[] {
  const hyphenates = style === BODY;
  doc.font(style.font).fontSize(style.size);
  const fits = (line: string) => doc.widthOfString(line) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    let rest = word;
    if (hyphenates && /^[A-Za-z]+$/.test(word) && word.length >= 2 * MIN_PART) {
      for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
        const head = `${line ? `${line} ` : ''}${word.slice(0, cut)}-`;
        if (fits(head)) {
          lines.push(head);
          rest = word.slice(cut);
          line = '';
          break;
        }
      }
    }
    if (rest === word) {
      if (line) lines.push(line);
      line = word;
    } else {
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

// A greyscale PNG of random speckles, as a scanner gives: built by hand so the test needs no image file.
function speckledPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  let seed = 7;
  for (let row = 0; row < height; row++) {
    raw[row * (width + 1)] = 0;
    for (let col = 0; col < width; col++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      raw[row * (width + 1) + 1 + col] = seed % 7 === 0 ? 40 : 235;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
