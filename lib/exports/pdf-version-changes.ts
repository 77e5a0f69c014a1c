import {
  contentWidth,
  ensureSpace,
  PDF_COLOUR,
  PDF_MARGIN,
  type TextStyle,
  textHeight,
  writeLine,
  writeText,
} from './pdf-page';
import type { ReviewHeader } from './review-types';
import {
  NO_CHANGE_WORDS,
  orphanConsensusWords,
  versionChangeCounts,
  versionChangesTitle,
} from './version-change-words';

const HEADING: TextStyle = { size: 12, bold: true };
const SUBHEADING: TextStyle = { size: 9.5, bold: true };
const ITEM: TextStyle = { size: 8.5 };
const MUTED: TextStyle = { size: 8.5, colour: PDF_COLOUR.muted };
const NUMBER_WIDTH = 52;
/** Claims listed between two pauses, at which the caller sends the pages so far on (see drawPdfExport). */
export const PDF_CHANGES_PER_PAUSE = 100;

/**
 * "Changes since version n" on the summary's portrait pages, for a document past its first version: the five
 * counts, then the changed claims (the quote as assessed → the new one), the orphaned ones with their consensus
 * as it was, and the new ones. Nothing for version 1. A new version can orphan or add thousands of claims, so
 * the drawing pauses every PDF_CHANGES_PER_PAUSE claims, for the pages so far to be sent on.
 */
export function* drawPdfVersionChanges(
  doc: PDFKit.PDFDocument,
  header: ReviewHeader,
  safe: (text: string) => string,
) {
  const { changes } = header.document;
  const list = header.changeList;
  if (!changes || !list) return;
  const width = contentWidth(doc);

  let y = ensureSpace(doc, 90, 'portrait') + 12;
  doc.y = writeText(doc, versionChangesTitle(changes), { x: PDF_MARGIN, y, width }, HEADING) + 4;
  const counts = versionChangeCounts(changes);
  const box = width / counts.length;
  y = doc.y;
  counts.forEach(({ label, count }, i) => {
    const x = PDF_MARGIN + i * box;
    writeLine(doc, count.toLocaleString('en'), x + 4, y, { size: 14, bold: true });
    writeLine(doc, label, x + 4, y + 19, { size: 8 });
  });
  doc.y = y + 34;

  yield* drawList(doc, width, 'Changed claims', list.changed, NO_CHANGE_WORDS.changed, (c) => [
    c.number,
    safe(`“${c.before}” → “${c.after}”`),
  ]);
  yield* drawList(doc, width, 'Orphaned claims', list.orphaned, NO_CHANGE_WORDS.orphaned, (c) => [
    c.number,
    safe(`“${c.quote}” (consensus as it was: ${orphanConsensusWords(c)})`),
  ]);
  yield* drawList(doc, width, 'New claims', list.added, NO_CHANGE_WORDS.added, (c) => [
    c.number,
    safe(`“${c.quote}”`),
  ]);
}

function* drawList<T>(
  doc: PDFKit.PDFDocument,
  width: number,
  title: string,
  rows: T[],
  empty: string,
  item: (row: T) => [number, string],
) {
  const y = ensureSpace(doc, 40, 'portrait') + 6;
  doc.y = writeText(doc, title, { x: PDF_MARGIN, y, width }, SUBHEADING) + 3;
  if (rows.length === 0) {
    doc.y = writeText(doc, empty, { x: PDF_MARGIN, y: doc.y, width }, MUTED) + 2;
    return;
  }
  const textWidth = width - NUMBER_WIDTH;
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % PDF_CHANGES_PER_PAUSE === 0) yield;
    const [number, text] = item(row);
    const top = ensureSpace(doc, textHeight(doc, text, textWidth, ITEM) + 3, 'portrait');
    writeLine(doc, `Claim ${number}`, PDF_MARGIN, top, { ...ITEM, bold: true });
    doc.y = writeText(doc, text, { x: PDF_MARGIN + NUMBER_WIDTH, y: top, width: textWidth }, ITEM) + 3;
  }
}
