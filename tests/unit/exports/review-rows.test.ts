import { describe, expect, it } from 'vitest';
import {
  type ClaimReviewInput,
  reviewClaimRow,
  type StoredClaim,
  summariseClaimReview,
} from '@/lib/exports/review-rows';

const assessment = (
  reviewer: string,
  verdict: ClaimReviewInput['assessments'][number]['verdict'],
  more: Partial<ClaimReviewInput['assessments'][number]> = {},
) => ({ reviewer, verdict, certainty: null, downgradeReasons: [], rationale: null, ...more });

const claim = (more: Partial<ClaimReviewInput>): ClaimReviewInput => ({
  consensusVerdict: null,
  consensusEvidenceLevel: null,
  consensusAt: null,
  assessments: [],
  adjudications: [],
  ...more,
});

// Under the rule of one reviewer per claim, as before projects had a rule of their own.
const summariseUnderOne = (input: ClaimReviewInput) => summariseClaimReview(input, 1);

describe('summariseClaimReview', () => {
  it('leaves an unassessed claim unreviewed, with nothing to summarise', () => {
    expect(summariseUnderOne(claim({ assessments: [assessment('Ana', null)] }))).toEqual({
      status: 'UNREVIEWED',
      progress: null,
      consensus: { verdict: null, evidenceLevel: null, at: null, adjudicated: false },
      certainty: null,
      downgradeReasons: [],
      rationale: null,
    });
  });

  it('takes the lowest certainty and every downgrade reason of the reviewers who share the consensus', () => {
    const summary = summariseUnderOne(
      claim({
        consensusVerdict: 'SUPPORTED',
        consensusEvidenceLevel: 'LEVEL_2',
        consensusAt: '2026-11-20T09:30:00.000Z',
        assessments: [
          assessment('Ana', 'SUPPORTED', {
            certainty: 'MODERATE',
            downgradeReasons: ['IMPRECISION'],
            rationale: ' One small RCT. ',
          }),
          assessment('Ben', 'SUPPORTED', {
            certainty: 'LOW',
            downgradeReasons: ['RISK_OF_BIAS', 'IMPRECISION'],
            rationale: 'Open-label.',
          }),
          assessment('Cy', 'SUPPORTED', { rationale: '   ' }),
        ],
      }),
    );
    expect(summary).toEqual({
      status: 'SUPPORTED',
      progress: null,
      consensus: {
        verdict: 'SUPPORTED',
        evidenceLevel: 'LEVEL_2',
        at: '2026-11-20T09:30:00.000Z',
        adjudicated: false,
      },
      certainty: 'LOW',
      downgradeReasons: ['RISK_OF_BIAS', 'IMPRECISION'],
      rationale: 'Ana: One small RCT.\nBen: Open-label.',
    });
  });

  it("gives a conflict each reviewer's rationale, but no certainty or reasons, since no consensus speaks", () => {
    const summary = summariseUnderOne(
      claim({
        assessments: [
          assessment('Ana', 'SUPPORTED', { certainty: 'HIGH', rationale: ' Yes. ' }),
          assessment('Ben', 'UNSUPPORTED', {
            certainty: 'VERY_LOW',
            downgradeReasons: ['INDIRECTNESS'],
            rationale: 'No.',
          }),
          assessment('Cy', 'SPECULATIVE'),
          assessment('Dee', null, { rationale: 'Only a level from me.' }),
        ],
      }),
    );
    expect(summary).toMatchObject({
      status: 'CONFLICT',
      certainty: null,
      downgradeReasons: [],
      rationale: 'Ana: Yes.\nBen: No.',
    });
  });

  it('gives the adjudication note as the rationale while the adjudicated consensus stands', () => {
    const input = claim({
      consensusVerdict: 'UNSUPPORTED',
      consensusEvidenceLevel: 'NONE',
      consensusAt: '2026-11-22T08:00:00.000Z',
      assessments: [
        assessment('Ana', 'SUPPORTED', { rationale: 'Yes.' }),
        assessment('Ben', 'UNSUPPORTED', {
          certainty: 'VERY_LOW',
          downgradeReasons: ['INDIRECTNESS'],
          rationale: 'No.',
        }),
      ],
      adjudications: [
        { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_4', note: 'First look.' },
        { verdict: 'UNSUPPORTED', evidenceLevel: 'NONE', note: 'No trial backs this.' },
      ],
    });
    expect(summariseUnderOne(input)).toMatchObject({
      status: 'UNSUPPORTED',
      consensus: { adjudicated: true },
      certainty: 'VERY_LOW',
      downgradeReasons: ['INDIRECTNESS'],
      rationale: 'No trial backs this.',
    });
  });

  it("calls a consensus adjudicated only while it is the latest adjudication's decision", () => {
    const input = claim({
      consensusVerdict: 'SPECULATIVE',
      consensusEvidenceLevel: 'LEVEL_5',
      assessments: [assessment('Ana', 'SPECULATIVE', { rationale: 'Mechanism only.' })],
      adjudications: [{ verdict: 'UNSUPPORTED', evidenceLevel: 'NONE', note: 'Old decision.' }],
    });
    expect(summariseUnderOne(input)).toMatchObject({
      consensus: { adjudicated: false },
      rationale: 'Ana: Mechanism only.',
    });
  });

  it('keeps a claim in review, with no consensus words, until enough reviewers have given a verdict', () => {
    const input = claim({
      assessments: [assessment('Ana', 'SUPPORTED', { certainty: 'HIGH', rationale: 'Two RCTs.' })],
    });
    expect(summariseClaimReview(input, 2)).toMatchObject({
      status: 'IN_REVIEW',
      progress: { assessed: 1, required: 2 },
      certainty: null,
      rationale: null,
    });
  });
});

describe('reviewClaimRow', () => {
  const stored = (section: string | null): StoredClaim => ({
    id: 'c1',
    number: 7,
    sectionId: section === null ? null : 's1',
    section,
    text: 'LDN may help.',
    quote: 'LDN may help.',
    start: 0,
    end: 13,
    prefix: '',
    suffix: '',
    kind: 'EFFICACY',
    hedged: true,
    citesStudy: true,
    consensusVerdict: null,
    consensusEvidenceLevel: null,
    consensusAt: null,
    assessments: [],
    adjudications: [],
    citations: [],
    comments: [],
  });
  const row = (section: string | null) =>
    reviewClaimRow(stored(section), {
      documentId: 'd1',
      appUrl: 'https://review.example.org',
      reviewersRequired: 1,
    });

  it('keeps the stored number, and names the section of a claim above the first heading for every export', () => {
    expect(row(null)).toMatchObject({ number: 7, sectionId: null, section: 'Before the first heading' });
    expect(row('Methods')).toMatchObject({ number: 7, sectionId: 's1', section: 'Methods' });
  });
});
