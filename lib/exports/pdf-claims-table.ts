import { citationReference } from '@/lib/citations/citation-words';
import { CERTAINTY_LABEL, CITATION_RELATION_LABEL, GRADE_DOMAIN_LABEL } from '@/lib/domain/vocabulary';
import { STATUS_COLOUR, STATUS_SYMBOL } from '@/lib/summary/verdict-chart';
import {
  applyStyle,
  contentBottom,
  newPdfPage,
  PDF_COLOUR,
  PDF_MARGIN,
  type TextStyle,
  textHeight,
  writeText,
} from './pdf-page';
import { pdfLineWrapper, pdfTextLines, type TextLine } from './pdf-text';
import type { ReviewClaimRow } from './review-types';
import { claimStatusWords, evidenceLevelCell, reviewerVerdicts } from './review-words';

// Widths in points; together they fill an A4 landscape page inside 40 pt margins. The section is not a column:
// claims come in document order, so each section is a heading row above its claims, repeated as
// "continued" at the top of a page, which leaves the text columns wider and the rows shorter.
// "#" fits a five-digit claim number, or a number over "cont." where a claim goes on from the page before.
const CLAIM_COLUMNS = [
  { label: '#', width: 30 },
  { label: 'Claim', width: 197 },
  { label: 'Verdict', width: 70 },
  { label: 'Evidence level', width: 50 },
  { label: 'Certainty', width: 82 },
  { label: 'Rationale', width: 190 },
  { label: 'Citations', width: 88 },
  { label: 'Open threads', width: 54 },
] as const;

/** One claim as the text of each column of the PDF's claims table, in CLAIM_COLUMNS order. */
function pdfClaimCells(row: ReviewClaimRow): string[] {
  return [
    String(row.number),
    row.text,
    verdictCell(row),
    evidenceLevelCell(row.status, row.consensus.evidenceLevel),
    certaintyCell(row),
    row.rationale ?? '',
    row.citations
      .map(
        (c) =>
          `${citationReference(c) ?? `${c.kind} ${c.identifier}`} (${CITATION_RELATION_LABEL[c.relation].toLowerCase()})`,
      )
      .join('\n'),
    String(row.openComments),
  ];
}

// A conflict has no verdict to show, so each reviewer's verdict is listed instead.
function verdictCell(row: ReviewClaimRow): string {
  const status = `${STATUS_SYMBOL[row.status]} ${claimStatusWords(row)}`;
  if (row.status === 'CONFLICT') return [status, ...reviewerVerdicts(row.assessments)].join('\n');
  return row.consensus.adjudicated ? `${status}\n(adjudicated)` : status;
}

function certaintyCell(row: ReviewClaimRow): string {
  if (!row.certainty) return '—';
  if (row.downgradeReasons.length === 0) return CERTAINTY_LABEL[row.certainty];
  return `${CERTAINTY_LABEL[row.certainty]}\nDowngraded: ${row.downgradeReasons
    .map((r) => GRADE_DOMAIN_LABEL[r].toLowerCase())
    .join(', ')}`;
}

const PAD_X = 3;
const PAD_Y = 3;
const BODY: TextStyle = { size: 7.5, lineGap: 1 };
const HEAD: TextStyle = { size: 7.5, bold: true, lineGap: 1 };
const SECTION: TextStyle = { size: 8, bold: true, lineGap: 1 };
const VERDICT_COLUMN = 2;
// #, evidence level and open threads are short and never wrap, so they are neither measured nor wrapped.
const ONE_LINE = new Set([0, 3, 7]);
// A claim split across pages goes on only when at least this many lines of it fit on the page it starts on.
const MIN_SPLIT_LINES = 3;

// The left edge of each column.
const X = CLAIM_COLUMNS.map((_, i) => CLAIM_COLUMNS.slice(0, i).reduce((x, c) => x + c.width, PDF_MARGIN));
const TABLE_WIDTH = CLAIM_COLUMNS.reduce((sum, c) => sum + c.width, 0);

/**
 * The claims table, drawn by hand because pdfkit's own table does not repeat its header: each row is measured
 * first, and a row that does not fit goes to a new page that starts with the header again (and the section it
 * is in). A row taller than a whole page is split between pages, so no text is ever cut off.
 */
export function pdfClaimsTable(doc: PDFKit.PDFDocument, safe: (text: string) => string) {
  const tableText = pdfTextLines(doc);
  const wrapper = pdfLineWrapper(doc);
  let lineHeight = 0;
  let headerLines: string[][] = [];
  let headerLineHeight = 0;
  let headerHeight = 0;
  let sectionHeight = 0;
  let rows = 0;
  let section: { id: string | null; label: string } | null = null;

  function drawHeader() {
    const y = doc.y;
    doc.rect(PDF_MARGIN, y, TABLE_WIDTH, headerHeight).fill(PDF_COLOUR.fill);
    applyStyle(doc, HEAD);
    tableText.draw(placeLines(headerLines, y, headerLineHeight, 0));
    rule(y + headerHeight, PDF_COLOUR.muted);
    doc.y = y + headerHeight;
  }

  function drawSection(label: string) {
    const y = doc.y;
    writeText(doc, label, { x: PDF_MARGIN + PAD_X, y: y + PAD_Y, width: TABLE_WIDTH - 2 * PAD_X }, SECTION);
    rule(y + sectionHeight, PDF_COLOUR.rule);
    doc.y = y + sectionHeight;
  }

  /** A new page with the header, and the section the next row continues, if it does. */
  function newTablePage(continuing: boolean) {
    newPdfPage(doc, 'landscape');
    drawHeader();
    if (continuing && section) drawSection(`${section.label} (continued)`);
    applyStyle(doc, BODY);
  }

  function rule(y: number, colour: string) {
    doc
      .moveTo(PDF_MARGIN, y)
      .lineTo(PDF_MARGIN + TABLE_WIDTH, y)
      .lineWidth(0.5)
      .strokeColor(colour)
      .stroke();
  }

  /** Each cell as the lines it takes in its column. */
  function cellLines(cells: string[]): string[][] {
    return cells.map((text, i) => {
      if (!text) return [];
      return ONE_LINE.has(i) ? [text] : wrapper.wrap(text, innerWidth(i));
    });
  }

  /** Each line of each cell where it goes in a row that starts at `y`. */
  function placeLines(cells: string[][], y: number, height: number, verdictIndent: number): TextLine[] {
    return cells.flatMap((cell, i) => {
      const x = (X[i] as number) + PAD_X + (i === VERDICT_COLUMN ? verdictIndent : 0);
      return cell.map((text, n) => ({ text, x, y: y + PAD_Y + n * height }));
    });
  }

  function rowHeight(lines: string[][]): number {
    return Math.max(1, ...lines.map((cell) => cell.length)) * lineHeight + 2 * PAD_Y;
  }

  function drawRow(lines: string[][], height: number, status: ReviewClaimRow['status']) {
    const y = doc.y;
    applyStyle(doc, BODY);
    // The verdict's text stands a little to the right, clear of its colour bar.
    tableText.draw(placeLines(lines, y, lineHeight, 3));
    // The verdict's colour as a bar beside its symbol and word, which carry the meaning on their own.
    doc
      .rect((X[VERDICT_COLUMN] as number) + 1.5, y + PAD_Y, 2.5, height - 2 * PAD_Y)
      .fill(STATUS_COLOUR[status]);
    rule(y + height, PDF_COLOUR.rule);
    doc.y = y + height;
  }

  return {
    /** Starts the table on a new landscape page, under a heading. */
    start(heading: string) {
      newPdfPage(doc, 'landscape');
      doc.y =
        writeText(doc, heading, { x: PDF_MARGIN, y: doc.y, width: TABLE_WIDTH }, { size: 12, bold: true }) +
        6;
      lineHeight = textHeight(doc, 'Xg', 100, BODY);
      sectionHeight = textHeight(doc, 'Xg', 100, SECTION) + 2 * PAD_Y;
      headerLineHeight = textHeight(doc, 'Xg', 100, HEAD);
      // The header is the same on every page, so it is wrapped once.
      applyStyle(doc, HEAD);
      headerLines = CLAIM_COLUMNS.map((c, i) => wrapper.wrap(c.label, innerWidth(i)));
      headerHeight = Math.max(...headerLines.map((cell) => cell.length)) * headerLineHeight + 2 * PAD_Y;
      drawHeader();
    },

    addRow(row: ReviewClaimRow) {
      rows += 1;
      let startsSection = section === null || section.id !== row.sectionId;
      if (startsSection) section = { id: row.sectionId, label: safe(row.section) };
      applyStyle(doc, BODY);
      let lines = cellLines(pdfClaimCells(row).map(safe));
      for (;;) {
        const height = rowHeight(lines);
        const above = startsSection ? sectionHeight : 0;
        const room = contentBottom(doc) - doc.y - above;
        if (height <= room) {
          if (startsSection) drawSection(section?.label ?? safe(row.section));
          return drawRow(lines, height, row.status);
        }
        const pageRoom = contentBottom(doc) - PDF_MARGIN - headerHeight - sectionHeight;
        const space = room - 2 * PAD_Y;
        if (height <= pageRoom || space < MIN_SPLIT_LINES * lineHeight) {
          newTablePage(!startsSection);
          continue;
        }
        if (startsSection) drawSection(section?.label ?? safe(row.section));
        startsSection = false;
        // The lines that fit stay on this page; the rest of each cell goes on with the row on the next.
        const fit = Math.floor(space / lineHeight);
        drawRow(
          lines.map((cell, i) => (ONE_LINE.has(i) ? cell : cell.slice(0, fit))),
          room,
          row.status,
        );
        lines = lines.map((cell, i) => {
          if (i === 0) return [String(row.number), 'cont.'];
          return ONE_LINE.has(i) ? [] : cell.slice(fit);
        });
        newTablePage(true);
      }
    },

    /** Lets go of the words encoded so far (see layoutCacheReset). */
    forgetWords() {
      tableText.forget();
      wrapper.forget();
    },

    /** Closes the table; a table with no rows says why instead of ending on a bare header. */
    finish(emptyMessage: string) {
      if (rows > 0) return;
      writeText(
        doc,
        emptyMessage,
        { x: PDF_MARGIN + PAD_X, y: doc.y + 8, width: TABLE_WIDTH },
        { size: 9, colour: PDF_COLOUR.muted },
      );
    },
  };
}

function innerWidth(column: number): number {
  return (CLAIM_COLUMNS[column]?.width ?? 0) - 2 * PAD_X - (column === VERDICT_COLUMN ? 3 : 0);
}
