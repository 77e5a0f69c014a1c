import { documentAgreement } from '@/lib/agreement/document-agreement';
import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';
import { summaryClosedTo } from '@/lib/exports/summary-closed-to';
import { type WorkspaceClaimRow, workspaceClaims } from './workspace-claims';
import {
  WORKSPACE_CLAIMS_SQL,
  WORKSPACE_DOCUMENT_SQL,
  WORKSPACE_RATINGS_SQL,
  WORKSPACE_SECTIONS_SQL,
} from './workspace-sql';
import type { WorkspaceData } from './workspace-types';

/**
 * Everything the review workspace needs on first paint, in four queries: the document and its body, the
 * sections, one compact row per claim, and the ratings for the agreement figures (left out where the summary is
 * closed to the reader).
 */
export async function loadWorkspace(options: {
  documentId: string;
  user: { id: string; role: Role };
}): Promise<WorkspaceData> {
  requireId(options.documentId, 'The document');
  const [documents, sections, rows, ratings] = await Promise.all([
    prisma.$queryRawUnsafe<Array<WorkspaceData['document']>>(WORKSPACE_DOCUMENT_SQL, options.documentId),
    prisma.$queryRawUnsafe<WorkspaceData['sections']>(WORKSPACE_SECTIONS_SQL, options.documentId),
    prisma.$queryRawUnsafe<WorkspaceClaimRow[]>(WORKSPACE_CLAIMS_SQL, options.documentId, options.user.id),
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
  const { reviewMode } = document;
  const claims = workspaceClaims(rows, { role: options.user.role, reviewMode });
  const closed = summaryClosedTo({ reviewMode, role: options.user.role });
  return { document, sections, claims, agreement: closed ? null : documentAgreement(ratings) };
}
