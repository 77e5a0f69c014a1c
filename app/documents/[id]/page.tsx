import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminViewNotice } from '@/components/admin-view-notice';
import { AgreementFigures } from '@/components/agreement-figures';
import { AssignmentsControl } from '@/components/assignments-control';
import { ReviewModeSwitch } from '@/components/review-mode-switch';
import { buttonClass } from '@/components/ui/button';
import { VersionsLink } from '@/components/versions-link';
import { Workspace } from '@/components/workspace/workspace';
import type { WorkspaceActions } from '@/components/workspace/workspace-actions';
import { listDocumentAssignments } from '@/lib/assignments/list-document-assignments';
import { listMyAssignments } from '@/lib/assignments/list-my-assignments';
import { getSessionUser } from '@/lib/auth/guard';
import type { Role } from '@/lib/auth/permissions';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { loadDocumentTabTitle } from '@/lib/documents/load-document-tab-title';
import { AppError } from '@/lib/errors';
import { liveChangesFrom } from '@/lib/live/review-changes';
import { allows } from '@/lib/projects/project-access';
import { loadWorkspace } from '@/lib/workspace/load-workspace';
import { packClaims } from '@/lib/workspace/packed-claims';
import { addCitationAction } from './add-citation-action';
import { addClaimAction } from './add-claim-action';
import { addCommentAction } from './add-comment-action';
import { adjudicateClaimAction } from './adjudicate-claim-action';
import { assignReviewAction } from './assign-review-action';
import { attachOrphanClaimAction } from './attach-orphan-claim-action';
import { deleteClaimAction } from './delete-claim-action';
import { editClaimAction } from './edit-claim-action';
import { mergeClaimAction } from './merge-claim-action';
import { removeAssignmentAction } from './remove-assignment-action';
import { removeCitationAction } from './remove-citation-action';
import { resolveCommentAction } from './resolve-comment-action';
import { setReviewModeAction } from './set-review-mode-action';
import { splitClaimAction } from './split-claim-action';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const [{ id }, reader] = await Promise.all([params, getSessionUser()]);
  return { title: await loadDocumentTabTitle({ documentId: id, reader, page: 'Review' }) };
}

const ACTIONS = {
  addComment: addCommentAction,
  resolveComment: resolveCommentAction,
  addCitation: addCitationAction,
  removeCitation: removeCitationAction,
  adjudicate: adjudicateClaimAction,
  addClaim: addClaimAction,
  attachOrphan: attachOrphanClaimAction,
  claimEdits: {
    edit: editClaimAction,
    split: splitClaimAction,
    merge: mergeClaimAction,
    delete: deleteClaimAction,
  },
} satisfies WorkspaceActions;

async function load(documentId: string, user: { id: string; role: Role }) {
  try {
    return await loadWorkspace({ documentId, user });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const [{ id }, { claim }] = await Promise.all([params, searchParams]);
  const { user, access } = await requireProjectPageUser('document.read', { documentId: id });
  // Before the data is read: the workspace's event stream replays what changes after this point.
  const liveFrom = liveChangesFrom();
  const { agreement, document, sections, claims, orphans, summaryClosed } = await load(id, user);
  const meta = [document.author, document.publishedOn, document.sourceUrl].filter(Boolean);
  const permissions = {
    assess: allows(access, 'assessment.record'),
    comment: allows(access, 'comment.add'),
    cite: allows(access, 'citation.add'),
    edit: allows(access, 'claim.edit'),
    adjudicate: allows(access, 'claim.adjudicate'),
  };
  // A lead sees and changes who is assigned; a reviewer's own assignments open their claim list on its work.
  const [assignments, mine] = await Promise.all([
    allows(access, 'project.manage') ? listDocumentAssignments({ documentId: id }) : null,
    permissions.assess ? listMyAssignments({ reader: user, documentId: id }) : [],
  ]);

  return (
    // On a wide screen the page is the window's height, and the workspace takes what the header leaves.
    <article data-wide className="lg:flex lg:h-[calc(100dvh-5.75rem)] lg:min-h-[36rem] lg:flex-col">
      {access.adminView && <AdminViewNotice projectName={access.projectName} />}
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-3">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-sm">
            <a
              href={`/projects/${access.projectId}`}
              className="break-words text-sky-800 underline underline-offset-2"
            >
              {access.projectName}
            </a>
          </nav>
          <h1 className="break-words text-xl font-semibold tracking-tight">{document.title}</h1>
          <p className="mt-1 break-words text-sm text-slate-700">
            {meta.join(' · ') || 'No author, date or source recorded.'}
            {' · '}
            {document.reviewMode === 'BLIND' ? 'Blind review' : 'Open review'}
            {document.textVersion > 1 && (
              <VersionsLink documentId={document.id} version={document.textVersion} />
            )}
          </p>
          <div className="mt-2">
            {agreement === null ? (
              <p className="text-sm text-slate-700">
                Agreement between reviewers shows here once the review is open.
              </p>
            ) : (
              <AgreementFigures agreement={agreement} />
            )}
          </div>
        </div>
        {/* One toolbar: the review-mode switch sits with the summary and exports, at their size. */}
        <div className="flex flex-wrap items-start gap-2">
          <nav aria-label="Summary and exports" className="flex flex-wrap gap-2">
            <Link className={buttonClass()} href={`/documents/${document.id}/summary`}>
              Summary
            </Link>
            {/* The summary link stays: its page says why it is closed. */}
            {!summaryClosed && (
              <>
                <a className={buttonClass()} href={`/documents/${document.id}/export?format=md`}>
                  Export Markdown
                </a>
                <a className={buttonClass()} href={`/documents/${document.id}/export?format=json`}>
                  Export JSON
                </a>
              </>
            )}
            {document.hasOriginal && (
              <a className={buttonClass()} href={`/documents/${document.id}/original`}>
                Original PDF
              </a>
            )}
          </nav>
          {allows(access, 'document.import') && (
            <Link className={buttonClass()} href={`/documents/${document.id}/versions/new`}>
              New version
            </Link>
          )}
          {/* A lead reaches the project's members and settings from any of its documents. */}
          {allows(access, 'project.manage') && (
            <>
              <a className={buttonClass()} href={`/projects/${access.projectId}/members`}>
                Members
              </a>
              <Link className={buttonClass()} href={`/projects/${access.projectId}/settings`}>
                Project settings
              </Link>
            </>
          )}
          {allows(access, 'document.manage') && (
            <ReviewModeSwitch
              documentId={document.id}
              mode={document.reviewMode}
              action={setReviewModeAction}
            />
          )}
          {assignments && (
            <AssignmentsControl
              documentId={document.id}
              {...assignments}
              assign={assignReviewAction}
              remove={removeAssignmentAction}
            />
          )}
        </div>
      </header>
      <Workspace
        data={{ document, sections, claims: packClaims(claims, sections) }}
        orphans={orphans}
        initialClaimId={typeof claim === 'string' ? claim : null}
        liveFrom={liveFrom}
        assigned={mine.map(({ fromNumber, toNumber }) => ({ fromNumber, toNumber }))}
        permissions={permissions}
        actions={ACTIONS}
      />
    </article>
  );
}
