import type { Role } from '@/lib/auth/permissions';
import type { CitationRelation, EvidenceLevel, ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import { canSeeOthers } from '@/lib/visibility';

/** One row of the workspace's orphans query (load-workspace.ts). */
export type OrphanClaimRow = {
  id: string;
  number: number;
  quote: string;
  version: number;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
  /** Every reviewer's verdict and evidence level, in the order they were given. */
  assessments: Array<{ verdict: Verdict; evidenceLevel: EvidenceLevel | null }>;
  myVerdict: Verdict | null;
  comments: number;
  citations: Array<{ identifier: string; relation: CitationRelation }>;
};

/**
 * A claim a new version did not find (ADR 0028), set apart with its review until a reviewer attaches it to new
 * text: its number, the quote it was assessed on, and its review in brief.
 */
export type OrphanClaim = {
  id: string;
  n: number;
  quote: string;
  version: number;
  /** Null where blind review keeps the others' verdicts from this reader. */
  consensus: { verdict: Verdict; level: EvidenceLevel | null } | null;
  assessments: OrphanClaimRow['assessments'] | null;
  comments: number;
  citations: OrphanClaimRow['citations'];
};

/** The orphans as this reader may see them: in blind review, others' verdicts only once they gave their own. */
export function orphanClaims(
  rows: ReadonlyArray<OrphanClaimRow>,
  reader: { role: Role; reviewMode: ReviewMode },
): OrphanClaim[] {
  return rows.map((row) => {
    const visible = canSeeOthers({
      reviewMode: reader.reviewMode,
      role: reader.role,
      myVerdict: row.myVerdict,
    });
    return {
      id: row.id,
      n: row.number,
      quote: row.quote,
      version: row.version,
      consensus:
        visible && row.consensusVerdict
          ? { verdict: row.consensusVerdict, level: row.consensusEvidenceLevel }
          : null,
      assessments: visible ? row.assessments : null,
      comments: row.comments,
      citations: row.citations,
    };
  });
}
