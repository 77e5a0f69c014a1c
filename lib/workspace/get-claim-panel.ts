import type { Role } from '@/lib/auth/permissions';
import { findCitationSources } from '@/lib/citations/find-citation-sources';
import { claimStatus } from '@/lib/consensus/consensus';
import { type Prisma, prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { sectionName } from '@/lib/domain/sections';
import { notFound } from '@/lib/errors';
import { readClaimReferences } from '@/lib/extraction/study-citations';
import { wordDiff } from '@/lib/versions/words';
import { canSeeOthers, OUTCOME_ACTIONS } from '@/lib/visibility';
import type { ClaimPanel, PanelAssessment } from './claim-panel-types';
import {
  ADJUDICATION_ITEM,
  CITATION_ITEM,
  COMMENT_ITEM,
  toAdjudicationItem,
  toCitationItem,
  toCommentItem,
} from './panel-items';

const HISTORY_LIMIT = 200;

const ASSESSMENT_ROW = {
  reviewerId: true,
  verdict: true,
  evidenceLevel: true,
  certainty: true,
  downgradeReasons: true,
  rationale: true,
  version: true,
  updatedAt: true,
  reviewer: { select: { name: true } },
} as const satisfies Prisma.AssessmentSelect;

/**
 * Everything the workspace shows for the selected claim, scoped by what this user may see. It runs on every
 * claim selection, so it is one query for the claim and its rows, then one for its history.
 */
export async function getClaimPanel(options: {
  claimId: string;
  user: { id: string; role: Role };
}): Promise<ClaimPanel> {
  const claimId = requireId(options.claimId, 'The claim');
  const row = await prisma.claim.findFirst({
    where: { id: claimId, deletedAt: null, document: { deletedAt: null } },
    select: {
      id: true,
      documentId: true,
      number: true,
      text: true,
      quote: true,
      start: true,
      kind: true,
      hedged: true,
      citesStudy: true,
      references: true,
      version: true,
      consensusVerdict: true,
      consensusEvidenceLevel: true,
      consensusAt: true,
      quoteBeforeChange: true,
      textChangedAt: true,
      section: { select: { heading: true } },
      document: { select: { reviewMode: true, project: { select: { reviewersRequired: true } } } },
      assessments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: ASSESSMENT_ROW },
      adjudications: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: ADJUDICATION_ITEM },
      citations: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: CITATION_ITEM,
      },
      comments: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: COMMENT_ITEM,
      },
    },
  });
  if (!row) throw notFound('The claim');

  const me = options.user.id;
  const reviewMode = row.document.reviewMode;
  const mine = row.assessments.find((a) => a.reviewerId === me) ?? null;
  const visible = canSeeOthers({ reviewMode, role: options.user.role, myVerdict: mine?.verdict ?? null });
  // What blind review keeps from a reviewer who has not judged the claim yet: the judgements of others and the
  // outcome they led to (revealsOthersJudgement). Their own assessment events, comments, citations and claim
  // edits stay visible.
  const hiddenHistory: Prisma.AuditEventWhereInput[] = [
    { action: { in: OUTCOME_ACTIONS } },
    { action: { startsWith: 'assessment.' }, actorId: { not: me } },
  ];
  const events = await prisma.auditEvent.findMany({
    where: { claimId, ...(visible ? {} : { NOT: hiddenHistory }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      action: true,
      createdAt: true,
      before: true,
      after: true,
      actor: { select: { name: true } },
    },
  });

  const sources = await findCitationSources(row.citations);
  const judged = row.assessments.flatMap((a) => (a.verdict ? [a.verdict] : []));
  const verdicts = new Set(judged);
  const progress = { assessed: judged.length, required: row.document.project.reviewersRequired };
  const status = visible
    ? claimStatus({
        consensusVerdict: row.consensusVerdict,
        textChanged: row.textChangedAt !== null,
        ...progress,
      })
    : 'UNREVIEWED';
  return {
    claim: {
      id: row.id,
      documentId: row.documentId,
      number: row.number,
      text: row.text,
      quote: row.quote,
      kind: row.kind,
      hedged: row.hedged,
      citesStudy: row.citesStudy,
      references: readClaimReferences(row.references),
      section: sectionName(row.section?.heading),
      version: row.version,
      reviewMode,
      ...(row.textChangedAt && row.quoteBeforeChange !== null
        ? { textChange: { before: row.quoteBeforeChange, diff: wordDiff(row.quoteBeforeChange, row.quote) } }
        : {}),
    },
    status,
    progress: status === 'IN_REVIEW' ? progress : null,
    consensus: visible
      ? {
          verdict: row.consensusVerdict,
          evidenceLevel: row.consensusEvidenceLevel,
          at: row.consensusAt?.toISOString() ?? null,
          adjudicated: row.adjudications.length > 0,
        }
      : null,
    mine: mine
      ? {
          verdict: mine.verdict,
          evidenceLevel: mine.evidenceLevel,
          certainty: mine.certainty,
          downgradeReasons: mine.downgradeReasons,
          rationale: mine.rationale,
          version: mine.version,
        }
      : null,
    othersHidden: !visible,
    others: visible ? row.assessments.filter((a) => a.reviewerId !== me).map(toOtherAssessment) : [],
    // Verdicts that differ before enough reviewers have given theirs are not a conflict yet.
    inConflict: visible && verdicts.size > 1 && status !== 'IN_REVIEW',
    adjudications: visible ? row.adjudications.map(toAdjudicationItem) : [],
    citations: row.citations.map((c) => toCitationItem(c, sources.get(c.id))),
    comments: row.comments.map(toCommentItem),
    history: events.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor?.name ?? null,
      createdAt: e.createdAt.toISOString(),
      before: e.before,
      after: e.after,
    })),
  };
}

function toOtherAssessment(
  a: Prisma.AssessmentGetPayload<{ select: typeof ASSESSMENT_ROW }>,
): PanelAssessment {
  return {
    reviewerId: a.reviewerId,
    reviewer: a.reviewer.name,
    verdict: a.verdict,
    evidenceLevel: a.evidenceLevel,
    certainty: a.certainty,
    downgradeReasons: a.downgradeReasons,
    rationale: a.rationale,
    updatedAt: a.updatedAt.toISOString(),
  };
}
