// PDF extraction speed: node --import tsx tests/bench/pdf-pages.ts
// Reads a 50-page two-column PDF (made with tests/support/make-pdf.ts: title, byline, headings, hyphenated line
// ends, a running header and page numbers) into claims, and reports pages per second against the target of 5.
// pdfjs is loaded and warmed on a short PDF first, as a long-lived import worker has it loaded; the time is the
// median of three runs, in wall-clock time, which is what an import waits for. Exits 1 when below the target.
import { pathToFileURL } from 'node:url';
import { extractPdf } from '@/lib/extraction/pdf';
import { makePdf, type PdfSection } from '@/tests/support/make-pdf';

const PAGES = 50;
const RUNS = 3;
const TARGET_PAGES_PER_SECOND = 5;

const SUBJECTS = ['Patients', 'Participants', 'Adults with depression', 'Older outpatients', 'Clinicians'];
const VERBS = ['reported', 'described', 'experienced', 'noticed', 'recorded'];
const OBJECTS = [
  'fewer depressive symptoms after twelve weeks of treatment',
  'vivid dreams during the first fortnight of naltrexone',
  'improvements in sleep quality that persisted through follow-up',
  'gastrointestinal complaints that resolved without discontinuation',
  'no meaningful change in anxiety questionnaires compared with placebo',
  'considerable variability in adherence between participating centres',
];
const HEADINGS = ['Background', 'Methods', 'Results', 'Adverse events', 'Discussion', 'Limitations'];

/** Sections of varied sentences, enough to fill the pages many times over; the PDF stops at PAGES. */
function article(): PdfSection[] {
  let seed = 19;
  const pick = <T>(list: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return list[seed % list.length] as T;
  };
  return Array.from({ length: 60 }, (_, s) => ({
    heading: `${s + 1}. ${pick(HEADINGS)}`,
    paragraphs: Array.from({ length: 5 }, (_, p) =>
      Array.from(
        { length: 4 },
        (_, k) => `${pick(SUBJECTS)} in cohort ${s * 20 + p * 4 + k + 1} ${pick(VERBS)} ${pick(OBJECTS)}.`,
      ).join(' '),
    ),
  }));
}

export async function measurePdfPagesPerSecond(): Promise<{
  pages: number;
  seconds: number;
  pagesPerSecond: number;
}> {
  const pdf = await makePdf({
    columns: 2,
    sections: article(),
    fillPages: PAGES,
    title: 'Low-dose naltrexone in depression: a multicentre cohort report',
    authors: 'Jane Morrow, Peter van Dijk and Ann Lee',
    header: 'Journal of Evidence Review 2026; 14: 101-150',
    pageNumbers: 'plain',
  });
  const warmUp = await extractPdf(await makePdf({ columns: 2, sections: article().slice(0, 3) }));
  if (!warmUp.ok) throw new Error(warmUp.error);

  const times: number[] = [];
  let pages = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = await extractPdf(pdf);
    times.push((performance.now() - start) / 1000);
    if (!result.ok) throw new Error(result.error);
    if (result.extraction.claims.length === 0) throw new Error('The benchmark PDF gave no claims.');
    pages = result.pages;
  }
  if (pages !== PAGES) throw new Error(`The benchmark PDF has ${pages} pages, not ${PAGES}.`);
  times.sort((p, q) => p - q);
  const seconds = times[Math.floor(RUNS / 2)] ?? Number.NaN;
  return { pages, seconds, pagesPerSecond: pages / seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { pages, seconds, pagesPerSecond } = await measurePdfPagesPerSecond();
  const pass = pagesPerSecond >= TARGET_PAGES_PER_SECOND;
  console.log(
    `PDF extraction: ${pages} pages in ${seconds.toFixed(2)} s = ${pagesPerSecond.toFixed(1)} pages/s ` +
      `(target ≥ ${TARGET_PAGES_PER_SECOND}) ${pass ? 'PASS' : 'FAIL'}`,
  );
  process.exitCode = pass ? 0 : 1;
}
