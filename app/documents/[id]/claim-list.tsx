import { AssessmentForm } from '@/components/assessment-form';
import { CommentForm } from '@/components/comment-form';
import { CommentList } from '@/components/comment-list';
import { StatusBadge } from '@/components/status-badge';
import { StatusMixBar } from '@/components/status-mix-bar';
import { claimStatus, countStatuses } from '@/lib/consensus/claim-status';
import { listDocumentClaims } from '@/lib/documents/list-document-claims';
import { CLAIM_KIND_LABEL } from '@/lib/domain/vocabulary';
import { addCommentAction } from './add-comment-action';
import { recordAssessmentAction } from './record-assessment-action';

/** The claims in document order under their section headings, each with the reader's assessment and comments. */
export async function ClaimList({ documentId, userId }: { documentId: string; userId: string }) {
  const { sections, claims } = await listDocumentClaims({ documentId, userId });
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
                    <AssessmentForm
                      documentId={documentId}
                      claimId={claim.id}
                      initial={claim.mine}
                      action={recordAssessmentAction}
                    />
                    <CommentList comments={claim.comments} />
                    <CommentForm documentId={documentId} claimId={claim.id} action={addCommentAction} />
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
