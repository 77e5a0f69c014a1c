import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import type { ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import { canSeeOthers } from '@/lib/visibility';
import type { ReviewChange } from './review-changes';

/** What the workspace is told of a change: enough to say who changed what, and which claim to reload. */
export type ChangeNotice = {
  claimId: string | null;
  /** The claim's number, as the claim list shows it. */
  claimNumber: number | null;
  action: string;
  actorName: string | null;
  /** The reader made it themselves (another tab): reload, but say nothing. */
  mine: boolean;
};

// Changes that tell of another reviewer's judgement of a claim: under blind review a reviewer who has not judged
// the claim yet hears nothing of them, as the page shows them nothing (lib/visibility.ts).
const JUDGEMENTS = new Set(['assessment.created', 'assessment.updated', 'consensus.changed']);

/**
 * The notice of `change` for this reader, or null when the blind rule keeps it from them. The caller has
 * checked their session and membership for this very change.
 */
export async function changeForReader(
  change: ReviewChange,
  reader: { id: string; role: Role },
): Promise<ChangeNotice | null> {
  const [row] = await prisma.$queryRaw<
    Array<{
      reviewMode: ReviewMode;
      claimNumber: number | null;
      actorName: string | null;
      myVerdict: Verdict | null;
    }>
  >`
    SELECT d."reviewMode"::text AS "reviewMode", c.number AS "claimNumber", u.name AS "actorName",
      a.verdict::text AS "myVerdict"
    FROM "Document" d
    LEFT JOIN "Claim" c ON c.id = ${change.claimId}::uuid AND c."documentId" = d.id
    LEFT JOIN "User" u ON u.id = ${change.actorId}::uuid
    LEFT JOIN "Assessment" a ON a."claimId" = c.id AND a."reviewerId" = ${reader.id}::uuid
    WHERE d.id = ${change.documentId}::uuid`;
  if (!row) return null;
  const mine = change.actorId === reader.id;
  if (
    !mine &&
    JUDGEMENTS.has(change.action) &&
    !canSeeOthers({ reviewMode: row.reviewMode, role: reader.role, myVerdict: row.myVerdict })
  ) {
    return null;
  }
  return {
    claimId: change.claimId,
    claimNumber: row.claimNumber,
    action: change.action,
    actorName: row.actorName,
    mine,
  };
}
