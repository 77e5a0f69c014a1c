'use client';

import { memo, useCallback } from 'react';
import { CITATION_RELATION_LABEL, EVIDENCE_LEVEL_SHORT, VERDICT_LABEL } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { BodyRange } from '@/lib/workspace/find-uncovered-text';
import type { OrphanClaim } from '@/lib/workspace/orphan-claims';
import { ActionMessage } from '../action-message';
import { StatusBadge } from '../status-badge';
import { Button } from '../ui/button';
import { useAction } from '../use-action';
import { AddClaimByText } from './add-claim-by-text';
import { selectedBodyRange } from './document-pane';

type Attach = (input: unknown) => Promise<ActionResult<{ id: string }>>;

const ATTACH_LABELS = {
  open: 'Attach by its text…',
  field: 'Words to attach it to, as they read in the article',
  submit: 'Attach',
  pending: 'Attaching…',
};

/**
 * The claims a new version of the text did not find (ADR 0028), set apart under the claim list with their
 * review in brief. A reviewer attaches one to its new words by hand: selected in the article, or typed, as a
 * claim is added. It then comes back as a claim whose text changed since it was assessed.
 */
export const OrphanClaims = memo(function OrphanClaims(props: {
  documentId: string;
  body: string;
  orphans: ReadonlyArray<OrphanClaim>;
  /** The live claims, whose text an orphan may not take. */
  claims: ReadonlyArray<BodyRange>;
  /** Null for a reader who may not edit claims: the list is then read-only. */
  attach: Attach | null;
  onAttached: (claimId: string) => void;
}) {
  if (props.orphans.length === 0) return null;
  return (
    <details data-orphans className="shrink-0 rounded border border-amber-300 bg-amber-50 text-sm">
      <summary className="cursor-pointer px-3 py-1.5 font-semibold text-amber-950">
        Orphaned claims ({props.orphans.length})
      </summary>
      <div className="max-h-80 overflow-y-auto border-t border-amber-200 px-3 py-2">
        <p className="text-xs text-slate-700">
          A new version of the text no longer has these claims’ words. Each keeps its review.
          {props.attach &&
            ' To attach one to its new words, select them in the article and press “Attach to selection”, or type them in “Attach by its text…”.'}
        </p>
        <ul className="mt-2 flex flex-col gap-3">
          {props.orphans.map((orphan) => (
            <OrphanRow key={orphan.id} {...props} orphan={orphan} />
          ))}
        </ul>
      </div>
    </details>
  );
});

function OrphanRow(props: Parameters<typeof OrphanClaims>[0] & { orphan: OrphanClaim }) {
  const { orphan, attach, documentId, onAttached } = props;
  const attaching = useAction<{ id: string }>();
  // The form that attaches by typed words sends a place; the orphan and the version seen go with it.
  const attachAt = useCallback(
    (place: unknown) =>
      (attach as Attach)({
        ...(place as BodyRange),
        documentId,
        claimId: orphan.id,
        version: orphan.version,
      }),
    [attach, documentId, orphan.id, orphan.version],
  );
  function attachToSelection() {
    const range = selectedBodyRange();
    if (!range) {
      attaching.refuse('Select the words in the article first, then press Attach.');
      return;
    }
    attaching.run(() => attachAt(range), {
      onSuccess: (attached) => {
        window.getSelection()?.removeAllRanges();
        onAttached(attached.id);
      },
    });
  }
  const headingId = `orphan-${orphan.id}`;
  return (
    <li
      aria-labelledby={headingId}
      data-orphan={orphan.id}
      className="rounded border border-amber-200 bg-white p-2"
    >
      <p id={headingId} className="font-semibold">
        Claim #{orphan.n}
      </p>
      <blockquote className="mt-1 border-l-2 border-amber-300 pl-2 text-slate-800">{orphan.quote}</blockquote>
      <OrphanReview orphan={orphan} />
      {attach && (
        <div className="mt-2 flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <Button
              size="sm"
              disabled={attaching.pending}
              // Keeps the text selection when the button is pressed with a mouse.
              onMouseDown={(e) => e.preventDefault()}
              onClick={attachToSelection}
              aria-describedby={headingId}
            >
              {attaching.pending ? 'Attaching…' : 'Attach to selection'}
            </Button>
            <ActionMessage result={attaching.result} />
          </div>
          <AddClaimByText
            documentId={documentId}
            body={props.body}
            claims={props.claims}
            action={attachAt}
            onAdded={onAttached}
            labels={ATTACH_LABELS}
          />
        </div>
      )}
    </li>
  );
}

/** The orphan's review in brief, read-only: its consensus, each verdict given, its comments and citations. */
function OrphanReview({ orphan }: { orphan: OrphanClaim }) {
  const { assessments, citations } = orphan;
  return (
    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs text-slate-700">
      <dt>Consensus</dt>
      <dd>
        {orphan.consensus ? (
          <>
            <StatusBadge status={orphan.consensus.verdict} />
            {orphan.consensus.level && ` ${EVIDENCE_LEVEL_SHORT[orphan.consensus.level]}`}
          </>
        ) : (
          'None'
        )}
      </dd>
      <dt>Assessments</dt>
      <dd>
        {assessments === null
          ? 'Hidden in blind review.'
          : assessments.length === 0
            ? 'None'
            : assessments
                .map(
                  (a) =>
                    `${VERDICT_LABEL[a.verdict]}${a.evidenceLevel ? ` (${EVIDENCE_LEVEL_SHORT[a.evidenceLevel]})` : ''}`,
                )
                .join(', ')}
      </dd>
      <dt>Comments</dt>
      <dd>{orphan.comments}</dd>
      <dt>Citations</dt>
      <dd>
        {citations.length === 0 ? (
          'None'
        ) : (
          <ul>
            {citations.map((c) => (
              <li key={`${c.identifier} ${c.relation}`} className="break-words">
                {CITATION_RELATION_LABEL[c.relation]}: {c.identifier}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
