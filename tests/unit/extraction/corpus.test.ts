import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/extraction/extract-claims';
import { extractPdf } from '@/lib/extraction/pdf';
import type { ClaimKind, Extraction, SourceFormat } from '@/lib/extraction/types';
import { makePdf } from '@/tests/support/make-pdf';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';
import { readFixture, SAMPLE_DOCUMENT } from '@/tests/unit/extraction/read-fixture';

// Real-world shapes of what clinicians are sent, each with a hand-labelled gold: the claims a reviewer expects,
// in order, with their kinds, and the title, author, date and sections the import should fill in. The score says
// how much furniture (bylines, citation lines, banners, share bars, related links) leaks into the claims.

type Gold = {
  title?: string | null;
  author?: string;
  publishedAt?: string;
  sections?: string[];
  claims: Array<{ quote: string; kind: ClaimKind }>;
};

type Entry = { name: string; gold: string; load: () => Promise<Extraction> };

const DIR = 'tests/fixtures/claims';

const fromFile = (path: string, format: SourceFormat) => async () =>
  extractClaims({ text: readFixture(path), format });

/** The corpus: add an entry per file; load may be asynchronous (a PDF is rendered, then read). */
const CORPUS: Entry[] = [
  {
    name: 'structured abstract (text)',
    gold: 'structured-abstract.gold.json',
    load: fromFile(`${DIR}/structured-abstract.txt`, 'TEXT'),
  },
  {
    name: 'structured abstract (Markdown)',
    gold: 'structured-abstract.gold.json',
    load: fromFile(`${DIR}/structured-abstract.md`, 'MARKDOWN'),
  },
  { name: 'FAQ page (HTML)', gold: 'faq.gold.json', load: fromFile(`${DIR}/faq.html`, 'HTML') },
  { name: 'news piece (HTML)', gold: 'news.gold.json', load: fromFile(`${DIR}/news.html`, 'HTML') },
  {
    name: 'news piece (pasted text)',
    gold: 'news-pasted.gold.json',
    load: fromFile(`${DIR}/news-pasted.txt`, 'TEXT'),
  },
  {
    name: 'paper (its text pasted)',
    gold: 'paper.gold.json',
    load: async () => extractClaims({ text: paperAsText(), format: 'TEXT' }),
  },
  {
    name: 'paper (PDF)',
    gold: 'paper.gold.json',
    load: async () => {
      const { title, authors, affiliations, runningHeader, blocks } = paperSource();
      const pdf = await makePdf({
        columns: 2,
        title,
        authors,
        affiliations,
        header: runningHeader,
        blocks,
        pageNumbers: 'plain',
      });
      const result = await extractPdf(pdf);
      if (!result.ok) throw new Error(result.error);
      return result.extraction;
    },
  },
  {
    name: 'sample article (text)',
    gold: 'low-dose-naltrexone-depression.gold.json',
    load: fromFile(SAMPLE_DOCUMENT, 'TEXT'),
  },
];

// Honest thresholds, met by every file: at most one stray claim and one missed claim in ten, and at most one
// piece of furniture cut as a claim.
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.9;
const MAX_LEAKED = 1;
const MIN_KIND_ACCURACY = 0.85;

/** The paper as tests/support/make-pdf.ts sets it. */
function paperSource() {
  return JSON.parse(readFixture(`${DIR}/paper.pdf-source.json`)) as {
    title: string;
    authors: string;
    affiliations: string[];
    runningHeader: string;
    blocks: Array<{ kind: 'heading' | 'paragraph'; text: string }>;
  };
}

/** The paper's source as a reader would paste it: the running header and page numbers are the PDF's alone. */
function paperAsText(): string {
  const source = paperSource();
  return [
    source.title,
    source.authors,
    source.affiliations.join('\n'),
    ...source.blocks.map((b) => b.text),
  ].join('\n\n');
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

type Score = {
  file: string;
  gold: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  leaked: string[];
  missed: string[];
  kindsRight: number;
  wrongKinds: string[];
  metadata: string[];
};

function score(name: string, gold: Gold, extraction: Extraction): Score {
  const wanted = new Map<string, ClaimKind[]>();
  for (const claim of gold.claims) {
    const key = normal(claim.quote);
    wanted.set(key, [...(wanted.get(key) ?? []), claim.kind]);
  }
  const goldQuotes = gold.claims.map((c) => normal(c.quote));
  let matched = 0;
  let kindsRight = 0;
  const leaked: string[] = [];
  const wrongKinds: string[] = [];
  for (const claim of extraction.claims) {
    const quote = normal(claim.quote);
    const kinds = wanted.get(quote);
    const kind = kinds?.shift();
    if (kind) {
      matched++;
      if (claim.kind === kind) kindsRight++;
      else wrongKinds.push(`${claim.kind} for ${kind}: ${quote}`);
      continue;
    }
    // A claim that is part of a gold claim, or holds one, is a sentence cut in the wrong place; anything else
    // is text that holds no claim at all: furniture.
    if (!goldQuotes.some((g) => g.includes(quote) || quote.includes(g))) leaked.push(quote);
  }
  const missed = [...wanted.entries()].flatMap(([quote, kinds]) => kinds.map(() => quote));
  const metadata: string[] = [];
  const check = (field: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual))
      metadata.push(`${field}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  check('title', gold.title, extraction.title);
  check('author', gold.author, extraction.author);
  check('publishedAt', gold.publishedAt, extraction.publishedAt);
  check(
    'sections',
    gold.sections,
    extraction.sections.map((s) => s.heading),
  );
  return {
    file: name,
    gold: gold.claims.length,
    found: extraction.claims.length,
    matched,
    precision: extraction.claims.length === 0 ? 1 : matched / extraction.claims.length,
    recall: gold.claims.length === 0 ? 1 : matched / gold.claims.length,
    leaked,
    missed,
    kindsRight,
    wrongKinds,
    metadata,
  };
}

function table(scores: Score[]): string {
  const rows = scores.map((s) => [
    s.file,
    String(s.gold),
    String(s.found),
    s.precision.toFixed(2),
    s.recall.toFixed(2),
    String(s.leaked.length),
    s.matched === 0 ? '–' : (s.kindsRight / s.matched).toFixed(2),
    s.metadata.length === 0 ? 'yes' : 'no',
  ]);
  const right = scores.reduce((n, s) => n + s.kindsRight, 0);
  const matched = scores.reduce((n, s) => n + s.matched, 0);
  const header = ['file', 'gold', 'found', 'precision', 'recall', 'leaked', 'kinds', 'metadata'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    '',
    `kind accuracy over the corpus: ${right}/${matched} = ${(right / matched).toFixed(2)}`,
  ].join('\n');
}

// Loaded before the tests are declared, so that each file gets its own test and the table is printed once.
const results = await Promise.all(
  CORPUS.map(async (entry) => {
    const extraction = await entry.load();
    const gold = JSON.parse(readFixture(`${DIR}/${entry.gold}`)) as Gold;
    return { entry, extraction, score: score(entry.name, gold, extraction) };
  }),
);

describe('the claim extractor on a corpus of real-world shapes', () => {
  const scores = results.map((r) => r.score);
  for (const { entry, extraction } of results) {
    it(`pins every claim of the ${entry.name}`, () => expectPinned(extraction));
  }
  const report = table(scores);
  process.stdout.write(`\n${report}\n`);
  for (const s of scores) {
    if (s.leaked.length + s.missed.length + s.wrongKinds.length + s.metadata.length === 0) continue;
    process.stdout.write(
      `\n${s.file}\n${[
        ...s.metadata.map((m) => `  metadata ${m}`),
        ...s.leaked.map((q) => `  leaked: ${q}`),
        ...s.missed.map((q) => `  missed: ${q}`),
        ...s.wrongKinds.map((q) => `  kind: ${q}`),
      ].join('\n')}\n`,
    );
  }

  it.each(scores.map((s) => [s.file, s] as const))('finds the claims of the %s and no furniture', (_, s) => {
    expect(s.precision, `precision\n${report}`).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(s.recall, `recall\n${report}`).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(s.leaked.length, `leaked: ${s.leaked.join(' / ')}`).toBeLessThanOrEqual(MAX_LEAKED);
  });

  it.each(scores.map((s) => [s.file, s] as const))(
    'fills in the title, author, date and sections of the %s',
    (_, s) => {
      expect(s.metadata).toEqual([]);
    },
  );

  it('suggests the kind a reviewer would choose for most claims', () => {
    const right = scores.reduce((n, s) => n + s.kindsRight, 0);
    const matched = scores.reduce((n, s) => n + s.matched, 0);
    expect(right / matched, report).toBeGreaterThanOrEqual(MIN_KIND_ACCURACY);
  });
});
