import { documentAgreement } from '@/lib/agreement/document-agreement';
import type { Role } from '@/lib/auth/permissions';
import { claimStatus } from '@/lib/consensus/claim-status';
import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { ClaimKind, EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';
import { canSeeOthers } from './can-see-others';
import {
  WORKSPACE_CLAIMS_SQL,
  WORKSPACE_DOCUMENT_SQL,
  WORKSPACE_RATINGS_SQL,
  WORKSPACE_SECTIONS_SQL,
} from './workspace-sql';
import type { WorkspaceClaim, WorkspaceData } from './workspace-types';

type ClaimRow = {
  id: string;
  start: number;
  end: number;
  sectionId: string | null;
  kind: ClaimKind;
  hedged: boolean;
  text: string | null;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
  reviewed: boolean;
  myVerdict: Verdict | null;
};

/**
 * Everything the review workspace needs on first paint, in four queries: the document and its body, the
 * sections, one compact row per claim, and the ratings for the agreement figures. In blind review a reviewer's
 * unassessed claims show as unreviewed, so colours cannot give away what others decided.
 */
export async function loadWorkspace(options: {
  documentId: string;
  user: { id: string; role: Role };
}): Promise<WorkspaceData> {
  requireId(options.documentId, 'The document');
  const [documents, sections, rows, ratings] = await Promise.all([
    prisma.$queryRawUnsafe<Array<WorkspaceData['document']>>(WORKSPACE_DOCUMENT_SQL, options.documentId),
    prisma.$queryRawUnsafe<WorkspaceData['sections']>(WORKSPACE_SECTIONS_SQL, options.documentId),
    prisma.$queryRawUnsafe<ClaimRow[]>(WORKSPACE_CLAIMS_SQL, options.documentId, options.user.id),
    prisma.$queryRawUnsafe<
      Array<{
        claimId: string;
        reviewerId: string;
        verdict: Verdict | null;
        evidenceLevel: EvidenceLevel | null;
      }>
    >(WORKSPACE_RATINGS_SQL, options.documentId),
  ]);
  const document = documents[0];
  if (!document) throw notFound('The document');
  const claims: WorkspaceClaim[] = rows.map((row, i) => {
    const visible = canSeeOthers({
      reviewMode: document.reviewMode,
      role: options.user.role,
      myVerdict: row.myVerdict,
    });
    return {
      id: row.id,
      n: i + 1,
      start: row.start,
      end: row.end,
      sectionId: row.sectionId,
      kind: row.kind,
      hedged: row.hedged,
      text: row.text,
      status: visible ? claimStatus(row) : 'UNREVIEWED',
      level: visible ? row.consensusEvidenceLevel : null,
      mine: row.myVerdict,
    };
  });
  return { document, sections, claims, agreement: documentAgreement(ratings) };
}
