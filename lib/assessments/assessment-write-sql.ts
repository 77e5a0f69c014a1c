// The two writes of a save, as raw SQL: a save runs them on every click, and Prisma's query builder, then its
// client, cost more CPU than the statements themselves (docs/decisions/0007-raw-sql-on-the-save-path.md and
// 0010-the-save-outside-nextjs-and-prisma.md). Exported for the benchmark's baseline, which runs the same
// statements.
import type { AssessmentValues } from '@/lib/domain/vocabulary';

/**
 * $1 id, $2 claim, $3 reviewer, $4 verdict, $5 evidence level, $6 certainty, $7 downgrade reasons, $8 rationale.
 * No row comes back when the reviewer's assessment already exists: two tabs of one reviewer can both have
 * found none, and the second to save is then stale.
 */
export const INSERT_ASSESSMENT_SQL = `
  INSERT INTO "Assessment" (id, "claimId", "reviewerId", verdict, "evidenceLevel", certainty,
    "downgradeReasons", rationale, "updatedAt")
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::"Verdict", $5::"EvidenceLevel", $6::"Certainty",
    $7::"GradeDomain"[], $8, now())
  ON CONFLICT ("claimId", "reviewerId") DO NOTHING
  RETURNING id::text AS id, version`;

/**
 * $1 id, $2 the version the reviewer saw, then $3–$7 as the insert's $4–$8. The version in the WHERE makes the
 * check and the write one step, even against a concurrent writer: no row updated means stale.
 */
export const UPDATE_ASSESSMENT_SQL = `
  UPDATE "Assessment" SET verdict = $3::"Verdict", "evidenceLevel" = $4::"EvidenceLevel",
    certainty = $5::"Certainty", "downgradeReasons" = $6::"GradeDomain"[], rationale = $7,
    version = version + 1, "updatedAt" = now()
  WHERE id = $1::uuid AND version = $2`;

/** An assessment's values in the order both statements take them, after their leading ids. */
export function assessmentColumns(values: AssessmentValues) {
  return [values.verdict, values.evidenceLevel, values.certainty, values.downgradeReasons, values.rationale];
}
