import { AssessmentForm } from '@/components/assessment-form';
import { ClaimEditor } from '@/components/claim-editor';
import { CommentForm } from '@/components/comment-form';
import { CommentList } from '@/components/comment-list';
import { DocumentTextPanel } from '@/components/document-text-panel';
import { StatusBadge } from '@/components/status-badge';
import { StatusMixBar } from '@/components/status-mix-bar';
import type { CurrentUser } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { claimStatus, countStatuses } from '@/lib/consensus/claim-status';
import { findDocumentBody } from '@/lib/documents/find-document-body';
import { listDocumentClaims } from '@/lib/documents/list-document-claims';
import { CLAIM_KIND_LABEL } from '@/lib/domain/vocabulary';
import { addClaimAction } from './add-claim-action';
import { addCommentAction } from './add-comment-action';
import { deleteClaimAction } from './delete-claim-action';
import { editClaimAction } from './edit-claim-action';
import { mergeClaimAction } from './merge-claim-action';
import { recordAssessmentAction } from './record-assessment-action';
import { splitClaimAction } from './split-claim-action';

const CLAIM_EDIT_ACTIONS = {
  edit: editClaimAction,
  split: splitClaimAction,
  merge: mergeClaimAction,
  delete: deleteClaimAction,
};

/** The claims in document order under their section headings, each with the reader's assessment and comments. */
export async function ClaimList({ documentId, user }: { documentId: string; user: CurrentUser }) {
  const mayAssess = can(user.role, 'assessment.record');
  const mayComment = can(user.role, 'comment.add');
  const mayEdit = can(user.role, 'claim.edit');
  // Only claim editors get the body, for adding claims from a selection; readers skip the extra payload.
  const [{ sections, claims }, body] = await Promise.all([
    listDocumentClaims({ documentId, userId: user.id }),
    mayEdit ? findDocumentBody({ documentId }) : null,
  ]);
  const sectionById = new Map(sections.map((s) => [s.id, s.heading]));
  const counts = countStatuses(claims);

  return (
    <>
      <div className="mt-3 max-w-xl">
        <p className="text-sm">
          Reviewed <strong>{claims.length - counts.UNREVIEWED}</strong> of {claims.length} claims
        </p>
        <StatusMixBar counts={counts} total={claims.length} />
      </div>
      {body !== null && <DocumentTextPanel documentId={documentId} body={body} action={addClaimAction} />}
      {claims.length === 0 ? (
        <p className="mt-6 text-sm text-slate-700">No claims were found in this document.</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {claims.map((claim, i) => {
            const startsSection = i === 0 || claim.sectionId !== claims[i - 1]?.sectionId;
            return (
              <li key={claim.id} className="list-none">
                {startsSection && (
                  <h2 className="mb-2 mt-6 text-sm font-semibold uppercase tracking-wide text-slate-700">
                    {(claim.sectionId && sectionById.get(claim.sectionId)) || 'Introduction'}
                  </h2>
                )}
                <section
                  aria-labelledby={`claim-${claim.id}`}
                  data-claim-id={claim.id}
                  className="rounded border border-slate-200 bg-white p-3"
                >
                  <div className="flex items-start justify-between gap-3">
                    <p id={`claim-${claim.id}`} className="text-[0.95rem] leading-relaxed">
                      <span className="mr-2 text-xs tabular-nums text-slate-600">#{i + 1}</span>
                      {claim.text}
                    </p>
                    <div className="flex shrink-0 flex-col items-end gap-1">
                      <StatusBadge status={claimStatus(claim)} />
                      <span className="text-xs text-slate-600">
                        {CLAIM_KIND_LABEL[claim.kind]}
                        {claim.hedged ? ' · hedged' : ''}
                      </span>
                    </div>
                  </div>
                  <div className="mt-3 border-t border-slate-100 pt-3">
                    {mayAssess && (
                      <AssessmentForm
                        documentId={documentId}
                        claimId={claim.id}
                        initial={claim.mine}
                        action={recordAssessmentAction}
                      />
                    )}
                    <CommentList comments={claim.comments} />
                    {mayComment && (
                      <CommentForm documentId={documentId} claimId={claim.id} action={addCommentAction} />
                    )}
                    {mayEdit && (
                      <ClaimEditor
                        documentId={documentId}
                        claim={{
                          id: claim.id,
                          text: claim.text,
                          quote: claim.quote,
                          version: claim.version,
                          assessmentCount: claim.assessmentCount,
                        }}
                        actions={CLAIM_EDIT_ACTIONS}
                      />
                    )}
                  </div>
                </section>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
