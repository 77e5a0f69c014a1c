import { inReviewWords, reviewStage } from '@/lib/consensus/consensus';
import { updateConsensus } from '@/lib/consensus/update-consensus';
import { transaction } from '@/lib/db/prisma';
import { lockLiveClaim } from '@/lib/domain/lock-live-claim';
import { ADJUDICATION_NOTE_MAX_LENGTH, type EvidenceLevel, type Verdict } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import type { PanelAdjudication } from '@/lib/workspace/claim-panel-types';
import { ADJUDICATION_ITEM, toAdjudicationItem } from '@/lib/workspace/panel-items';

export type AdjudicateClaimOptions = {
  claimId: string;
  adjudicatorId: string;
  verdict: Verdict;
  evidenceLevel: EvidenceLevel;
  note: string;
};

/**
 * Settles a claim whose reviewers disagree: the adjudicator's verdict and evidence level become the consensus
 * and stand until the next adjudication. A claim already adjudicated may be adjudicated again.
 */
export async function adjudicateClaim(options: AdjudicateClaimOptions): Promise<PanelAdjudication> {
  const note = validNote(options.note);
  return transaction(async (tx) => {
    // Locked so that a reviewer's save cannot recompute the consensus between our check and our write.
    const claim = await lockLiveClaim(tx, options.claimId);
    const judged = await tx.assessment.findMany({
      where: { claimId: claim.id, verdict: { not: null } },
      select: { verdict: true },
    });
    const adjudicated = await tx.adjudication.count({ where: { claimId: claim.id } });
    if (adjudicated === 0) {
      const progress = { assessed: judged.length, required: claim.reviewersRequired };
      // Verdicts that differ before the project's rule is met are not a conflict yet: more are to come.
      if (reviewStage(progress.assessed, progress.required) === 'IN_REVIEW') {
        const message = `This claim is still ${inReviewWords(progress).toLowerCase()}: it is not in conflict until enough reviewers have given a verdict.`;
        throw new AppError('VALIDATION', message);
      }
      if (new Set(judged.map((a) => a.verdict)).size < 2) {
        const message = 'This claim is not in conflict, so there is nothing to adjudicate.';
        throw new AppError('VALIDATION', message);
      }
    }
    const adjudication = await tx.adjudication.create({
      data: {
        claimId: claim.id,
        adjudicatorId: options.adjudicatorId,
        verdict: options.verdict,
        evidenceLevel: options.evidenceLevel,
        note,
      },
      select: ADJUDICATION_ITEM,
    });
    // The consensus follows the latest adjudication (updateConsensus); a re-adjudication that repeats the
    // standing decision is recorded but changes no consensus.
    await updateConsensus(tx, {
      claim,
      actorId: options.adjudicatorId,
      alsoAudit: [
        {
          actorId: options.adjudicatorId,
          documentId: claim.documentId,
          claimId: claim.id,
          action: 'claim.adjudicated',
          entityType: 'Adjudication',
          entityId: adjudication.id,
          before: { verdict: claim.consensusVerdict, evidenceLevel: claim.consensusEvidenceLevel },
          after: { verdict: options.verdict, evidenceLevel: options.evidenceLevel, note },
        },
      ],
    });
    return toAdjudicationItem(adjudication);
  });
}

function validNote(raw: string): string {
  const note = raw.trim();
  if (!note) {
    const message = 'Write a note that explains the decision.';
    throw new AppError('VALIDATION', message, { note: message });
  }
  if (note.length > ADJUDICATION_NOTE_MAX_LENGTH) {
    const message = `An adjudication note can be at most ${ADJUDICATION_NOTE_MAX_LENGTH.toLocaleString('en')} characters; this one has ${note.length.toLocaleString('en')}.`;
    throw new AppError('VALIDATION', message, { note: message });
  }
  return note;
}
