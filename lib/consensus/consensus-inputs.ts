import type { Sql } from '@/lib/db/sql';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';

export type ConsensusInputs = {
  adjudication: { verdict: Verdict; evidenceLevel: EvidenceLevel } | null;
  assessments: Array<{ verdict: Verdict | null; evidenceLevel: EvidenceLevel | null }>;
};

// The latest adjudication and every assessment of a claim, in one round trip: this runs on every save.
// Exported for the benchmark's baseline, which runs the same statements.
export const CONSENSUS_INPUTS_SQL = `
  SELECT
    (SELECT json_build_object('verdict', a.verdict, 'evidenceLevel', a."evidenceLevel")
       FROM "Adjudication" a WHERE a."claimId" = $1::uuid
       ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1) AS adjudication,
    COALESCE((SELECT json_agg(json_build_object('verdict', s.verdict, 'evidenceLevel', s."evidenceLevel"))
       FROM "Assessment" s WHERE s."claimId" = $1::uuid), '[]'::json) AS assessments`;

/** What a claim's consensus is derived from. */
export async function readConsensusInputs(sql: Sql, claimId: string): Promise<ConsensusInputs> {
  const [row] = await sql.rows<ConsensusInputs>(CONSENSUS_INPUTS_SQL, [claimId]);
  return row ?? { adjudication: null, assessments: [] };
}
