import { insertAuditEvents } from '@/lib/audit/audit-event';
import type { Role } from '@/lib/auth/permissions';
import type { Consensus } from '@/lib/consensus/consensus';
import { type ConsensusInputs, consensusInputsOf, updateConsensus } from '@/lib/consensus/update-consensus';
import { Prisma, transaction } from '@/lib/db/prisma';
import { uuid7 } from '@/lib/db/uuid7';
import { type CurrentAssessment, lockLiveClaim } from '@/lib/domain/lock-live-claim';
import {
  type AssessmentValues,
  type Certainty,
  type EvidenceLevel,
  type GradeDomain,
  RATIONALE_MAX_LENGTH,
  type Verdict,
} from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import { canSeeOthers } from '@/lib/visibility';

export type RecordAssessmentOptions = {
  claimId: string;
  reviewer: { id: string; role: Role };
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
  certainty: Certainty | null;
  downgradeReasons: GradeDomain[];
  rationale: string | null;
  /** The version the reviewer saw; 0 when they had no assessment yet. */
  expectedVersion: number;
};

export type SavedAssessment = AssessmentValues & { id: string; version: number; consensus: Consensus };

const HIDDEN = { state: 'UNREVIEWED', verdict: null, evidenceLevel: null, assessed: 0 } as const;

/**
 * Records one reviewer's judgement of a claim (verdict, evidence level, GRADE certainty with its downgrade
 * reasons, rationale), refusing a write based on a stale version. Returns the claim's consensus after the write,
 * so the workspace can recolour the claim without reloading, unless blind review hides it from this reviewer.
 */
export async function recordAssessment(options: RecordAssessmentOptions): Promise<SavedAssessment> {
  const { claimId, reviewer, expectedVersion } = options;
  const values = validValues(options);
  return transaction(async (tx) => {
    // Saves on one claim queue up here, so each recomputes the consensus from the others' committed verdicts.
    const claim = await lockLiveClaim(tx, claimId, { assessmentOf: reviewer.id });
    const current = claim.assessment;
    if ((current?.version ?? 0) !== expectedVersion) throw staleWrite(current);

    // The write, its audit event and the consensus's inputs are one statement: the lock above came first, so
    // this statement's snapshot holds every other reviewer's committed assessment.
    const id = current?.id ?? uuid7();
    const write = current
      ? // The version in the WHERE makes the check and the write one step, even against a concurrent writer.
        Prisma.sql`UPDATE "Assessment" SET verdict = ${values.verdict}::"Verdict",
          "evidenceLevel" = ${values.evidenceLevel}::"EvidenceLevel", certainty = ${values.certainty}::"Certainty",
          "downgradeReasons" = ${values.downgradeReasons}::"GradeDomain"[], rationale = ${values.rationale},
          version = version + 1, "updatedAt" = now()
        WHERE id = ${id}::uuid AND version = ${expectedVersion}
        RETURNING version`
      : // No row comes back when the reviewer's assessment already exists: two tabs of one reviewer can both have
        // found none, and the second to save is then stale, without aborting the transaction on a unique
        // violation.
        Prisma.sql`INSERT INTO "Assessment" (id, "claimId", "reviewerId", verdict, "evidenceLevel", certainty,
          "downgradeReasons", rationale, "updatedAt")
        VALUES (${id}::uuid, ${claimId}::uuid, ${reviewer.id}::uuid, ${values.verdict}::"Verdict",
          ${values.evidenceLevel}::"EvidenceLevel", ${values.certainty}::"Certainty",
          ${values.downgradeReasons}::"GradeDomain"[], ${values.rationale}, now())
        ON CONFLICT ("claimId", "reviewerId") DO NOTHING
        RETURNING version`;
    // A stale save writes its audit event too, and is rolled back with it when staleWrite throws below.
    const audit = insertAuditEvents([
      {
        actorId: reviewer.id,
        action: current ? 'assessment.updated' : 'assessment.created',
        entityType: 'Assessment',
        entityId: id,
        documentId: claim.documentId,
        claimId,
        before: current ? valuesOf(current) : null,
        after: values,
      },
    ]);
    const inputs = consensusInputsOf(claimId, { reviewerId: reviewer.id, ...values });
    // A verdict given after a new version changed the claim's words confirms or changes it for the new words.
    const [saved] = await tx.$queryRaw<Array<ConsensusInputs & { version: number }>>`
      WITH saved AS (${write}), audit AS (${audit}),
        confirmed AS (UPDATE "Claim" SET "textChangedAt" = NULL
          WHERE id = ${claimId}::uuid AND "textChangedAt" IS NOT NULL AND ${values.verdict}::"Verdict" IS NOT NULL)
      SELECT saved.version, ${inputs} FROM saved`;
    if (!saved) {
      // The claim is already locked by this transaction, so reading it again only re-reads.
      throw staleWrite((await lockLiveClaim(tx, claimId, { assessmentOf: reviewer.id })).assessment);
    }
    const consensus = await updateConsensus(tx, { claim, actorId: reviewer.id, inputs: saved });
    const visible = canSeeOthers({
      reviewMode: claim.reviewMode,
      role: reviewer.role,
      myVerdict: values.verdict,
    });
    return {
      id,
      ...values,
      version: saved.version,
      consensus: visible ? consensus : { ...HIDDEN, required: consensus.required },
    };
  });
}

function validValues(options: RecordAssessmentOptions): AssessmentValues {
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

function valuesOf(row: AssessmentValues): AssessmentValues {
  return {
    verdict: row.verdict,
    evidenceLevel: row.evidenceLevel,
    certainty: row.certainty,
    downgradeReasons: row.downgradeReasons,
    rationale: row.rationale,
  };
}

/**
 * A save based on a version that is no longer current. An assessment is one reviewer's own row, and this use
 * case, which writes only the caller's row, is the only writer of assessments (adjudication writes the consensus,
 * claim edits and user changes leave assessments as they are), so the newer version is the same reviewer's,
 * saved from another tab, window or device.
 */
function staleWrite(current: CurrentAssessment | null) {
  return new AppError(
    'CONFLICT',
    'You changed this assessment in another tab, window or device after this one opened it. Your choice here is kept: compare the two, then save yours again or keep the other.',
    {
      current: current
        ? { ...valuesOf(current), version: current.version, updatedAt: current.updatedAt.toISOString() }
        : null,
    },
  );
}
