import { describeAgreement } from '@/lib/agreement/describe-agreement';
import { CLAIM_STATUSES } from '@/lib/consensus/consensus';
import { VERDICTS } from '@/lib/domain/vocabulary';
import {
  consensusRuleWords,
  filterWords,
  reviewModeWords,
  reviewPeriodWords,
  timestampWords,
  versionWords,
} from '@/lib/summary/header-words';
import { STATUS_COLOUR, STATUS_SYMBOL, verdictChartGeometry } from '@/lib/summary/verdict-chart';
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
import { STATUS_WORDS } from './review-words';

const LABEL: TextStyle = { size: 9, bold: true, colour: PDF_COLOUR.muted };
const VALUE: TextStyle = { size: 9 };
const SMALL: TextStyle = { size: 8 };
const HEADING: TextStyle = { size: 12, bold: true };
const LABEL_WIDTH = 95;
const CHART_HEIGHT = 150;

/**
 * The summary page's content above the claims table, on portrait pages: the header, counts by status, the
 * verdict × evidence level chart and table, and the agreement figures.
 */
export function drawPdfSummary(
  doc: PDFKit.PDFDocument,
  header: ReviewHeader,
  safe: (text: string) => string,
) {
  const width = contentWidth(doc);
  writeText(
    doc,
    'REVIEW SUMMARY',
    { x: PDF_MARGIN, y: doc.y, width },
    { size: 8, bold: true, colour: PDF_COLOUR.muted },
  );
  writeText(
    doc,
    safe(header.document.title),
    { x: PDF_MARGIN, y: doc.y + 2, width },
    { size: 16, bold: true },
  );
  doc.y += 8;

  const { document } = header;
  const facts: Array<[string, string]> = [
    ['Source', document.sourceUrl ?? 'No source URL recorded'],
    ['Author', document.author ?? 'Not recorded'],
    ['Published', document.publishedOn ?? 'Not recorded'],
    ['Version', versionWords(document)],
    ['Reviewers', header.reviewers.map((r) => r.name).join(', ') || 'Nobody has assessed a claim yet'],
    ['Review period', reviewPeriodWords(header.reviewPeriod)],
    ['Review mode', reviewModeWords(document.reviewMode)],
    ['Consensus rule', consensusRuleWords(header.reviewersRequired)],
    ['Claims shown', filterWords(header.filter, header.sections)],
    ['Exported', timestampWords(header.exportedAt)],
  ];
  for (const [label, value] of facts) {
    const text = safe(value);
    const y = ensureSpace(doc, textHeight(doc, text, width - LABEL_WIDTH, VALUE) + 3, 'portrait');
    writeText(doc, label, { x: PDF_MARGIN, y, width: LABEL_WIDTH - 6 }, LABEL);
    doc.y = writeText(doc, text, { x: PDF_MARGIN + LABEL_WIDTH, y, width: width - LABEL_WIDTH }, VALUE) + 3;
  }

  drawCounts(doc, header, width);
  drawChart(doc, header, width);
  drawAgreement(doc, header, width, safe);
}

function heading(doc: PDFKit.PDFDocument, text: string, width: number, after: number) {
  const y = ensureSpace(doc, 24 + after, 'portrait') + 12;
  doc.y = writeText(doc, text, { x: PDF_MARGIN, y, width }, HEADING) + 4;
}

function drawCounts(doc: PDFKit.PDFDocument, header: ReviewHeader, width: number) {
  heading(doc, 'Counts', width, 40);
  const boxes = [
    ...CLAIM_STATUSES.map((s) => ({ status: s, label: STATUS_WORDS[s], count: header.counts[s] })),
  ];
  const boxWidth = width / (boxes.length + 1);
  const y = doc.y;
  boxes.forEach(({ status, label, count }, i) => {
    const x = PDF_MARGIN + i * boxWidth;
    doc.rect(x + 2, y, boxWidth - 4, 3).fill(STATUS_COLOUR[status]);
    writeLine(doc, count.toLocaleString('en'), x + 4, y + 7, { size: 14, bold: true });
    writeLine(doc, `${STATUS_SYMBOL[status]} ${label}`, x + 4, y + 26, SMALL);
  });
  const x = PDF_MARGIN + boxes.length * boxWidth;
  doc.rect(x + 2, y, boxWidth - 4, 3).fill(PDF_COLOUR.text);
  writeLine(doc, header.counts.total.toLocaleString('en'), x + 4, y + 7, { size: 14, bold: true });
  writeLine(doc, 'Total', x + 4, y + 26, SMALL);
  doc.y = y + 40;
}

function drawChart(doc: PDFKit.PDFDocument, header: ReviewHeader, width: number) {
  heading(doc, 'Verdict by evidence level', width, CHART_HEIGHT + 110);
  writeText(
    doc,
    'Claims with a consensus verdict, by the evidence level agreed for them (Oxford CEBM 2011).',
    { x: PDF_MARGIN, y: doc.y, width },
    { size: 8, colour: PDF_COLOUR.muted },
  );
  const top = doc.y + 6;
  const geometry = verdictChartGeometry(header.chart, {
    width,
    height: CHART_HEIGHT,
    padding: { top: 6, right: 110, bottom: 18, left: 30 },
  });
  const at = (x: number) => PDF_MARGIN + x;
  for (const tick of geometry.ticks) {
    doc.moveTo(at(geometry.plot.left), top + tick.y).lineTo(at(geometry.plot.right), top + tick.y);
    doc.lineWidth(0.4).strokeColor(PDF_COLOUR.rule).stroke();
    writeText(
      doc,
      String(tick.value),
      { x: PDF_MARGIN, y: top + tick.y - 4, width: geometry.plot.left - 4 },
      {
        size: 7,
        colour: PDF_COLOUR.muted,
      },
    );
  }
  for (const bar of geometry.bars) {
    for (const segment of bar.segments) {
      doc.rect(at(bar.x), top + segment.y, bar.width, segment.height).fill(STATUS_COLOUR[segment.verdict]);
    }
    writeText(
      doc,
      bar.label,
      { x: at(bar.centre - 30), y: top + geometry.plot.bottom + 4, width: 60 },
      {
        size: 7,
        colour: PDF_COLOUR.muted,
      },
    );
  }
  // The legend names each colour; the table below gives the numbers, so the chart never has to be read alone.
  VERDICTS.forEach((verdict, i) => {
    const y = top + geometry.plot.top + i * 14;
    const x = at(geometry.plot.right) + 14;
    doc.rect(x, y + 1, 8, 8).fill(STATUS_COLOUR[verdict]);
    writeLine(doc, `${STATUS_SYMBOL[verdict]} ${STATUS_WORDS[verdict]}`, x + 12, y, SMALL);
  });
  doc.y = top + CHART_HEIGHT + 6;
  drawChartTable(doc, header, geometry.bars, width);
}

function drawChartTable(
  doc: PDFKit.PDFDocument,
  header: ReviewHeader,
  bars: ReturnType<typeof verdictChartGeometry>['bars'],
  width: number,
) {
  const first = 90;
  const cell = (width - first) / (bars.length + 1);
  const row = (cells: string[], style: TextStyle, fill?: string) => {
    const at = (i: number) => ({
      x: i === 0 ? PDF_MARGIN + 3 : PDF_MARGIN + first + (i - 1) * cell,
      width: i === 0 ? first - 6 : cell - 4,
    });
    // A level's name can take two lines in a narrow column, so each row is as tall as its tallest cell.
    const height = Math.max(...cells.map((text, i) => textHeight(doc, text, at(i).width, style))) + 5;
    const y = doc.y;
    if (fill) doc.rect(PDF_MARGIN, y, width, height).fill(fill);
    cells.forEach((text, i) => {
      writeText(doc, text, { ...at(i), y: y + 3 }, style);
    });
    doc.y = y + height;
  };
  row(['Verdict', ...bars.map((b) => b.label), 'Total'], { size: 7.5, bold: true }, PDF_COLOUR.fill);
  for (const verdict of VERDICTS) {
    const counts = bars.map((b) => header.chart[verdict][b.level]);
    const total = counts.reduce((sum, n) => sum + n, 0);
    row([`${STATUS_SYMBOL[verdict]} ${STATUS_WORDS[verdict]}`, ...counts.map(String), String(total)], {
      size: 7.5,
    });
  }
  row(['Total', ...bars.map((b) => String(b.total)), String(bars.reduce((sum, b) => sum + b.total, 0))], {
    size: 7.5,
    bold: true,
  });
}

function drawAgreement(
  doc: PDFKit.PDFDocument,
  header: ReviewHeader,
  width: number,
  safe: (text: string) => string,
) {
  heading(doc, 'Agreement between reviewers', width, 60);
  for (const figure of describeAgreement(header.agreement)) {
    const value = figure.value ? `${figure.value} (${figure.label})` : 'not enough data';
    const detail = safe(figure.detail);
    const y = ensureSpace(doc, 14 + textHeight(doc, detail, width - LABEL_WIDTH, SMALL), 'portrait');
    writeText(doc, figure.measure, { x: PDF_MARGIN, y, width: LABEL_WIDTH - 6 }, LABEL);
    const below = writeText(
      doc,
      `${figure.statistic}: ${value}`,
      { x: PDF_MARGIN + LABEL_WIDTH, y, width: width - LABEL_WIDTH },
      VALUE,
    );
    doc.y =
      writeText(
        doc,
        detail,
        { x: PDF_MARGIN + LABEL_WIDTH, y: below + 1, width: width - LABEL_WIDTH },
        {
          ...SMALL,
          colour: PDF_COLOUR.muted,
        },
      ) + 5;
  }
  writeText(
    doc,
    'Strength of agreement after Landis & Koch (1977): below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above almost perfect.',
    { x: PDF_MARGIN, y: doc.y + 2, width },
    { size: 7.5, colour: PDF_COLOUR.muted },
  );
}
