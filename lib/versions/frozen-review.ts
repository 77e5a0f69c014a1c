import { z } from 'zod';
import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/consensus/consensus';
import { CITATION_RELATIONS, EVIDENCE_LEVELS, VERDICTS } from '@/lib/domain/vocabulary';

// The review an old version was frozen with (DocumentVersion.review): the JSON review export, schemaVersion 2,
// as it was written then (ADR 0028). Only what the old version's page shows is read; the export may gain
// fields later, and old rows will not have them, so anything else is ignored rather than required.

const verdict = z.enum(VERDICTS).nullable();
const evidenceLevel = z.enum(EVIDENCE_LEVELS).nullable();

const frozenClaim = z.object({
  number: z.number().int(),
  section: z.string(),
  text: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  status: z.enum(CLAIM_STATUSES as [ClaimStatus, ...ClaimStatus[]]),
  progress: z.object({ assessed: z.number(), required: z.number() }).nullable(),
  consensus: z.object({ verdict, evidenceLevel, adjudicated: z.boolean() }),
  rationale: z.string().nullable(),
  assessments: z.array(z.object({ reviewer: z.string(), verdict, evidenceLevel })),
  citations: z.array(
    z.object({
      kind: z.string(),
      identifier: z.string(),
      url: z.string(),
      title: z.string().nullable(),
      relation: z.enum(CITATION_RELATIONS),
    }),
  ),
  comments: z.array(z.unknown()),
  openComments: z.number().int(),
});

const frozenReview = z.object({
  schemaVersion: z.literal(2),
  reviewersRequired: z.number().int(),
  reviewers: z.array(z.object({ name: z.string() })),
  counts: z.record(z.string(), z.number()),
  claims: z.array(frozenClaim),
});

export type FrozenClaim = Omit<z.infer<typeof frozenClaim>, 'comments'> & { comments: number };
export type FrozenReview = Omit<z.infer<typeof frozenReview>, 'claims'> & { claims: FrozenClaim[] };

/**
 * The frozen review, or null when it cannot be read as one: the old version's text stays readable even if its
 * stored review is not, and the page says so instead of failing. Claims come sorted by where they stand in
 * the old body, as the highlights need them; only comments' count is kept.
 */
export function readFrozenReview(stored: unknown): FrozenReview | null {
  const parsed = frozenReview.safeParse(stored);
  if (!parsed.success) return null;
  const claims = parsed.data.claims
    .map((claim) => ({ ...claim, comments: claim.comments.length }))
    .sort((a, b) => a.start - b.start || a.number - b.number);
  return { ...parsed.data, claims };
}
