import { updateConsensus } from '@/lib/consensus/update-consensus';
import { sqlTransaction } from '@/lib/db/sql';
import { uuid7 } from '@/lib/db/uuid7';
import {
  type AssessmentValues,
  type Certainty,
  type EvidenceLevel,
  type GradeDomain,
  RATIONALE_MAX_LENGTH,
  type Verdict,
} from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import { assessmentColumns, INSERT_ASSESSMENT_SQL, UPDATE_ASSESSMENT_SQL } from './assessment-write-sql';
import { lockClaimForAssessment } from './lock-claim-for-assessment';

export type RecordAssessmentOptions = {
  claimId: string;
  reviewerId: string;
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
  certainty: Certainty | null;
  downgradeReasons: GradeDomain[];
  rationale: string | null;
  /** The version the reviewer saw; 0 when they had no assessment yet. */
  expectedVersion: number;
};

type Values = AssessmentValues;

type Current = Values & { version: number; updatedAt: Date };

/**
 * Records one reviewer's judgement of a claim (verdict, evidence level, GRADE certainty with its downgrade
 * reasons, rationale), refusing a write based on a stale version. Returns the claim's consensus after the write,
 * so the workspace can recolour the claim without reloading.
 */
export async function recordAssessment(options: RecordAssessmentOptions) {
  const { claimId, reviewerId, expectedVersion } = options;
  const values = validValues(options);
  // On the pool under Prisma, not Prisma's client: this is the app's hottest write (ADR 0010).
  return sqlTransaction(async (sql) => {
    // Saves on one claim queue up here, so each recomputes the consensus from the others' committed verdicts.
    const { claim, current } = await lockClaimForAssessment(sql, claimId, reviewerId);
    if ((current?.version ?? 0) !== expectedVersion) throw staleWrite(current);

    let saved: { id: string; version: number };
    if (current) {
      const params = [current.id, expectedVersion, ...assessmentColumns(values)];
      if ((await sql.run(UPDATE_ASSESSMENT_SQL, params)) === 0) {
        // Read again for the reply: the claim is already locked by this transaction, so this only re-reads.
        throw staleWrite((await lockClaimForAssessment(sql, claimId, reviewerId)).current);
      }
      saved = { id: current.id, version: expectedVersion + 1 };
    } else {
      const params = [uuid7(), claimId, reviewerId, ...assessmentColumns(values)];
      const [row] = await sql.rows<{ id: string; version: number }>(INSERT_ASSESSMENT_SQL, params);
      if (!row) throw staleWrite(null);
      saved = row;
    }
    const assessmentEvent = {
      actorId: reviewerId,
      action: current ? 'assessment.updated' : 'assessment.created',
      entityType: 'Assessment',
      entityId: saved.id,
      documentId: claim.documentId,
      claimId,
      before: current ? valuesOf(current) : null,
      after: values,
    };
    const consensus = await updateConsensus(sql, {
      claim,
      actorId: reviewerId,
      alsoAudit: [assessmentEvent],
    });
    // Blind review hides the consensus from a reviewer without a verdict; the caller needs the mode to decide.
    const { reviewMode } = claim;
    return {
      id: saved.id,
      ...values,
      version: saved.version,
      consensus: {
        state: consensus.state,
        verdict: consensus.verdict,
        evidenceLevel: consensus.evidenceLevel,
      },
      reviewMode,
    };
  });
}

function validValues(options: RecordAssessmentOptions): Values {
  const rationale = options.rationale?.trim() || null;
  if (rationale && rationale.length > RATIONALE_MAX_LENGTH) {
    const message = `A rationale can be at most ${RATIONALE_MAX_LENGTH.toLocaleString('en')} characters; this one has ${rationale.length.toLocaleString('en')}. Shorten it and save again.`;
    throw new AppError('VALIDATION', message, { rationale: message });
  }
  const downgradeReasons = [...new Set(options.downgradeReasons)];
  // A downgrade only means something against a rating: "downgraded for imprecision" from what?
  if (downgradeReasons.length > 0 && options.certainty === null) {
    const message = 'Choose a certainty before giving downgrade reasons.';
    throw new AppError('VALIDATION', message, { downgradeReasons: message });
  }
  return {
    verdict: options.verdict,
    evidenceLevel: options.evidenceLevel,
    certainty: options.certainty,
    downgradeReasons,
    rationale,
  };
}

function valuesOf(row: Values): Values {
  return {
    verdict: row.verdict,
    evidenceLevel: row.evidenceLevel,
    certainty: row.certainty,
    downgradeReasons: row.downgradeReasons,
    rationale: row.rationale,
  };
}

function staleWrite(current: Current | null) {
  return new AppError(
    'CONFLICT',
    'This assessment was changed by someone else since you opened it. Your choice is still here: check theirs, then save again to replace it.',
    {
      current: current
        ? { ...valuesOf(current), version: current.version, updatedAt: current.updatedAt.toISOString() }
        : null,
    },
  );
}
