import fs from 'node:fs';
import path from 'node:path';
import { extractClaims } from '@/lib/extraction/extract-claims';
import {
  claimsInRanges,
  type OldClaim,
  type ReanchoredClaim,
  reanchorClaims,
  uncoveredRanges,
} from '@/lib/versions/reanchor-claims';

// Version pairs written by hand (tests/fixtures/versions/<case>/old.txt, new.txt), each old claim labelled with
// the status a reviewer expects and, where it was found, the new quote. Shared by the unit test, which checks
// every label, and by the re-anchoring bench, which prints the score.

type Status = ReanchoredClaim['status'];

type Labels = {
  about: string;
  claims: Array<{ quote: string; expected: Status; newQuote?: string }>;
  /** The sentences of the new version that no claim carried over covers, when the case says. */
  newClaims?: string[];
};

export type CaseResult = {
  name: string;
  about: string;
  newBody: string;
  rows: Array<{
    quote: string;
    expected: Status;
    got: ReanchoredClaim;
    expectedQuote: string | null;
    gotQuote: string | null;
  }>;
  expectedNewClaims?: string[];
  newClaims: string[];
};

const DIR = path.resolve(import.meta.dirname, '../../fixtures/versions');
const ANCHORED: ReadonlySet<Status> = new Set(['kept', 'moved', 'changed']);

export function runVersionCorpus(): CaseResult[] {
  return fs
    .readdirSync(DIR)
    .sort()
    .map((name) => {
      const read = (file: string) => fs.readFileSync(path.join(DIR, name, file), 'utf8');
      const oldBody = read('old.txt');
      const newBody = read('new.txt');
      const labels = JSON.parse(read('claims.json')) as Labels;
      const claims: OldClaim[] = labels.claims.map((claim, i) => {
        const start = oldBody.indexOf(claim.quote);
        if (start < 0 || oldBody.indexOf(claim.quote, start + 1) >= 0)
          throw new Error(`${name}: the quote must occur once in old.txt: ${claim.quote}`);
        return { id: String(i), start, end: start + claim.quote.length, quote: claim.quote };
      });
      const results = reanchorClaims({ oldBody, newBody, claims });
      const anchored = results.flatMap((r) => (r.status === 'orphaned' ? [] : [r]));
      const fresh = claimsInRanges(
        extractClaims({ text: newBody, format: 'TEXT' }).claims,
        uncoveredRanges(newBody, anchored),
      );
      return {
        name,
        about: labels.about,
        newBody,
        rows: labels.claims.map((claim, i) => {
          const got = results[i] as ReanchoredClaim;
          const anchoredTo = got.status === 'orphaned' ? null : newBody.slice(got.start, got.end);
          return {
            quote: claim.quote,
            expected: claim.expected,
            got,
            expectedQuote: claim.expected === 'orphaned' ? null : (claim.newQuote ?? claim.quote),
            gotQuote: anchoredTo,
          };
        }),
        ...(labels.newClaims ? { expectedNewClaims: labels.newClaims } : {}),
        newClaims: fresh.map((c) => c.quote),
      };
    });
}

/** Precision and recall of "anchored" (kept, moved or changed) against "orphaned", over the claims given. */
export function anchoredScore(rows: CaseResult['rows']) {
  let truePositives = 0;
  let predicted = 0;
  let actual = 0;
  for (const row of rows) {
    const got = ANCHORED.has(row.got.status);
    const expected = ANCHORED.has(row.expected);
    if (got) predicted++;
    if (expected) actual++;
    if (got && expected) truePositives++;
  }
  return {
    precision: predicted === 0 ? 1 : truePositives / predicted,
    recall: actual === 0 ? 1 : truePositives / actual,
    claims: rows.length,
    statusesRight: rows.filter((r) => r.got.status === r.expected).length,
  };
}

/** One line per case and one for the corpus, for a reader. */
export function corpusTable(results: CaseResult[]): string {
  const lines = results.map((result) => {
    const s = anchoredScore(result.rows);
    return `${result.name.padEnd(20)} ${String(s.claims).padStart(3)} claims  statuses right ${s.statusesRight}/${s.claims}  precision ${s.precision.toFixed(2)}  recall ${s.recall.toFixed(2)}`;
  });
  const all = anchoredScore(results.flatMap((r) => r.rows));
  lines.push(
    `${'corpus'.padEnd(20)} ${String(all.claims).padStart(3)} claims  statuses right ${all.statusesRight}/${all.claims}  precision ${all.precision.toFixed(2)}  recall ${all.recall.toFixed(2)}`,
  );
  for (const result of results) {
    for (const row of result.rows) {
      if (row.got.status !== row.expected || row.gotQuote !== row.expectedQuote)
        lines.push(
          `  ${result.name}: ${row.got.status} (expected ${row.expected}) ${JSON.stringify(row.gotQuote)} for ${JSON.stringify(row.quote)}`,
        );
    }
  }
  return lines.join('\n');
}
