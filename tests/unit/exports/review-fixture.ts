// A fabricated review for the export formatter tests: a document body with its claims pinned to real offsets,
// so the selectors in an export can be checked against the text.
import { documentAgreement } from '@/lib/agreement/agreement';
import { CLAIM_STATUSES } from '@/lib/consensus/consensus';
import { EVIDENCE_LEVELS, VERDICTS } from '@/lib/domain/vocabulary';
import type { ReviewClaimRow, ReviewHeader } from '@/lib/exports/review-types';

export const APP_DOCUMENT_URL = 'https://review.example.org/documents/0190a0c4-0000-7000-8000-000000000001';

export const BODY = [
  'Low-dose naltrexone and depression',
  '',
  'LDN raises “endorphin” levels — by some 20–30 % in one small study.',
  'Effects on the κ and μ opioid receptors suggest a mood benefit.',
  'A change of −2 points on the HAM-D scale 🙂 was reported in 12 patients.',
  'LDN cures depression in every patient.',
].join('\n');

type Overrides = Partial<Omit<ReviewClaimRow, 'consensus'>> & {
  consensus?: Partial<ReviewClaimRow['consensus']>;
};

/** A claim row whose quote is the sentence of BODY that starts with `sentenceStart`. */
export function reviewRow(number: number, sentenceStart: string, overrides: Overrides = {}): ReviewClaimRow {
  const start = BODY.indexOf(sentenceStart);
  if (start < 0) throw new Error(`No sentence starts with ${sentenceStart}`);
  const lineEnd = BODY.indexOf('\n', start);
  const end = lineEnd < 0 ? BODY.length : lineEnd;
  const quote = BODY.slice(start, end);
  const id = `claim-${number}`;
  return {
    id,
    number,
    sectionId: 'section-1',
    section: 'Low-dose naltrexone and depression',
    text: quote,
    quote,
    start,
    end,
    prefix: BODY.slice(Math.max(0, start - 32), start),
    suffix: BODY.slice(end, end + 32),
    kind: 'EFFICACY',
    hedged: false,
    citesStudy: false,
    status: 'UNREVIEWED',
    progress: null,
    certainty: null,
    downgradeReasons: [],
    rationale: null,
    assessments: [],
    adjudications: [],
    citations: [],
    comments: [],
    openComments: 0,
    url: `${APP_DOCUMENT_URL}?claim=${id}`,
    ...overrides,
    consensus: { verdict: null, evidenceLevel: null, at: null, adjudicated: false, ...overrides.consensus },
  };
}

/** Four claims: supported, speculative, in conflict and unreviewed. */
export function sampleRows(): ReviewClaimRow[] {
  const at = '2026-11-20T09:30:00.000Z';
  const assessment = {
    reviewerId: 'ana',
    reviewer: 'Ana Reviewer',
    certainty: null,
    downgradeReasons: [],
    rationale: null,
    updatedAt: at,
  };
  return [
    reviewRow(1, 'LDN raises', {
      status: 'SUPPORTED',
      consensus: { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2', at },
      certainty: 'MODERATE',
      downgradeReasons: ['IMPRECISION'],
      rationale: 'Ana Reviewer: A small randomised trial shows it.',
      assessments: [{ ...assessment, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' }],
      citations: [
        {
          kind: 'PMID',
          identifier: '12345678',
          url: 'https://pubmed.ncbi.nlm.nih.gov/12345678/',
          title: 'A pilot trial',
          studyDesign: 'RCT',
          relation: 'SUPPORTS',
          note: null,
        },
      ],
    }),
    reviewRow(2, 'Effects on', {
      status: 'SPECULATIVE',
      consensus: { verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_5', at: '2026-11-21T10:00:00.000Z' },
      rationale: 'Ana Reviewer: Mechanism only.',
      assessments: [
        {
          ...assessment,
          verdict: 'SPECULATIVE',
          evidenceLevel: 'LEVEL_5',
          updatedAt: '2026-11-21T10:00:00.000Z',
        },
      ],
    }),
    reviewRow(3, 'A change of', {
      status: 'CONFLICT',
      assessments: [
        { ...assessment, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_4' },
        {
          ...assessment,
          reviewerId: 'ben',
          reviewer: 'Ben Reviewer',
          verdict: 'UNSUPPORTED',
          evidenceLevel: 'NONE',
        },
      ],
      openComments: 1,
    }),
    reviewRow(4, 'LDN cures'),
  ];
}

export function reviewHeader(rows: ReviewClaimRow[], overrides: Partial<ReviewHeader> = {}): ReviewHeader {
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as ReviewHeader['counts'];
  for (const row of rows) counts[row.status] += 1;
  const chart = Object.fromEntries(
    VERDICTS.map((v) => [v, Object.fromEntries([...EVIDENCE_LEVELS, 'UNSET'].map((l) => [l, 0]))]),
  ) as ReviewHeader['chart'];
  for (const { consensus } of rows) {
    if (consensus.verdict) chart[consensus.verdict][consensus.evidenceLevel ?? 'UNSET'] += 1;
  }
  return {
    schemaVersion: 2,
    exportedAt: '2026-11-29T12:00:00.000Z',
    appDocumentUrl: APP_DOCUMENT_URL,
    organisation: { name: 'Evidence Review Team', url: 'https://review.example.org' },
    document: {
      id: '0190a0c4-0000-7000-8000-000000000001',
      slug: 'low-dose-naltrexone-depression',
      title: 'Low-dose naltrexone and depression',
      sourceUrl: 'https://news.example.com/ldn',
      author: 'Dr Jane Doe',
      publishedOn: '2023-03-29',
      reviewMode: 'OPEN',
      body: BODY,
      version: 1,
      changes: null,
    },
    reviewersRequired: 1,
    reviewers: [
      { id: 'ana', name: 'Ana Reviewer' },
      { id: 'ben', name: 'Ben Reviewer' },
    ],
    reviewPeriod: { first: '2026-11-20T09:30:00.000Z', last: '2026-11-21T10:00:00.000Z' },
    filter: { only: null, sectionId: null },
    sections: [{ id: 'section-1', heading: 'Low-dose naltrexone and depression' }],
    counts: { ...counts, total: rows.length },
    chart,
    agreement: documentAgreement(
      rows.flatMap((row) =>
        row.assessments.map((a) => ({
          claimId: row.id,
          reviewerId: a.reviewerId,
          verdict: a.verdict,
          evidenceLevel: a.evidenceLevel,
        })),
      ),
    ),
    changeList: null,
    ...overrides,
  };
}

/** The rows as the data layer hands them over: in batches. */
export async function* inBatches(rows: ReviewClaimRow[], size = 2): AsyncIterable<ReviewClaimRow[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export async function collectText(
  chunks: AsyncIterable<string>,
): Promise<{ text: string; chunks: string[] }> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return { text: all.join(''), chunks: all };
}
