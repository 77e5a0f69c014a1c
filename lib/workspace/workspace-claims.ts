import type { Role } from '@/lib/auth/permissions';
import { claimStatus } from '@/lib/consensus/consensus';
import type { ClaimKind, EvidenceLevel, ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import { canSeeOthers } from '@/lib/visibility';
import type { WorkspaceClaim } from './workspace-types';

/** One row of the workspace's claims query (load-workspace.ts). */
export type WorkspaceClaimRow = {
  id: string;
  number: number;
  start: number;
  end: number;
  sectionId: string | null;
  kind: ClaimKind;
  hedged: boolean;
  citesStudy: boolean;
  text: string | null;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
  /** Reviewers who have given a verdict. */
  assessed: number;
  /** A new version changed its words since it was assessed (claimStatus). */
  textChanged: boolean;
  myVerdict: Verdict | null;
};

/**
 * The claim rows as the workspace shows them to this reader. In blind review a reviewer's unassessed claims
 * show as unreviewed, so colours cannot give away what others decided, nor how many have judged them.
 */
export function workspaceClaims(
  rows: ReadonlyArray<WorkspaceClaimRow>,
  reader: { role: Role; reviewMode: ReviewMode; reviewersRequired: number },
): WorkspaceClaim[] {
  return rows.map((row) => {
    const visible = canSeeOthers({
      reviewMode: reader.reviewMode,
      role: reader.role,
      myVerdict: row.myVerdict,
    });
    const status = visible ? claimStatus({ ...row, required: reader.reviewersRequired }) : 'UNREVIEWED';
    return {
      id: row.id,
      n: row.number,
      start: row.start,
      end: row.end,
      sectionId: row.sectionId,
      kind: row.kind,
      hedged: row.hedged,
      citesStudy: row.citesStudy,
      text: row.text,
      status,
      assessed: status === 'IN_REVIEW' ? row.assessed : 0,
      level: visible ? row.consensusEvidenceLevel : null,
      mine: row.myVerdict,
    };
  });
}
