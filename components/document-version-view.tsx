import { CITATION_RELATION_LABEL, EVIDENCE_LEVEL_SHORT, VERDICT_LABEL } from '@/lib/domain/vocabulary';
import { evidenceLevelCell } from '@/lib/exports/review-words';
import type { FrozenClaim } from '@/lib/versions/frozen-review';
import type { DocumentVersionView } from '@/lib/versions/get-document-version';
import { textBlocks } from '@/lib/workspace/render-window';
import { StatusBadge } from './status-badge';
import { SectionTitle } from './ui/heading';

/**
 * An old version's text, read-only, every claim of that version highlighted as the workspace highlights it
 * (its status colour and symbol, from globals.css) where the review is shown, and plainly marked where blind
 * review keeps it from the reader. A highlight jumps to its claim's review below; it is a mouse shortcut, out
 * of the tab order, since the list itself is reachable by keyboard.
 */
export function VersionBody({ body, claims }: Pick<DocumentVersionView, 'claims'> & { body: string }) {
  const blocks = textBlocks(body, claims);
  return (
    <div className="rounded border border-slate-200 bg-white px-4 py-3 leading-relaxed" data-version-body>
      {blocks.map((block) => (
        <p key={block.start} className="mb-3 whitespace-pre-wrap">
          {block.runs.map((run) => {
            const text = body.slice(run.start, run.end);
            const claim = run.claimIndex === null ? undefined : claims[run.claimIndex];
            if (!claim) return <span key={run.start}>{text}</span>;
            if (!claim.status) {
              return (
                <mark
                  key={run.start}
                  data-claim-number={claim.number}
                  className="rounded-sm border-b border-slate-400 bg-slate-100 text-inherit"
                >
                  {text}
                </mark>
              );
            }
            // The link holds the whole highlight, its status symbol (drawn before the text) included.
            return (
              <a
                key={run.start}
                href={`#claim-${claim.number}`}
                tabIndex={-1}
                className="text-inherit no-underline"
              >
                <mark data-claim-number={claim.number} data-status={claim.status}>
                  {text}
                </mark>
              </a>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/** Each claim of the old version with its review as it was: consensus, verdicts, evidence, comments, citations. */
export function VersionClaimReviews({ claims }: { claims: FrozenClaim[] }) {
  return (
    <section aria-labelledby="version-claims">
      <SectionTitle id="version-claims">
        Claims and their review then{' '}
        <span className="font-normal text-slate-600">({claims.length.toLocaleString('en')})</span>
      </SectionTitle>
      {claims.length === 0 ? (
        <p className="mt-2 rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
          This version had no claims.
        </p>
      ) : (
        <ol className="mt-2 space-y-2">
          {claims.map((claim) => (
            <VersionClaim key={claim.number} claim={claim} />
          ))}
        </ol>
      )}
    </section>
  );
}

function VersionClaim({ claim }: { claim: FrozenClaim }) {
  const verdicts = claim.assessments.flatMap(({ reviewer, verdict, evidenceLevel }) =>
    verdict
      ? [
          `${reviewer}: ${VERDICT_LABEL[verdict]}${evidenceLevel ? ` (${EVIDENCE_LEVEL_SHORT[evidenceLevel]})` : ''}`,
        ]
      : [],
  );
  return (
    <li
      id={`claim-${claim.number}`}
      className="scroll-mt-4 break-words rounded border border-slate-200 bg-white p-3 text-sm target:ring-2 target:ring-sky-700"
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="font-semibold tabular-nums">Claim {claim.number}</span>
        <StatusBadge status={claim.status} progress={claim.progress} />
        {claim.consensus.adjudicated && <span className="text-slate-700">adjudicated</span>}
      </div>
      <p className="mt-1">“{claim.quote}”</p>
      {claim.text !== claim.quote && (
        <p className="mt-1 text-slate-700">As reviewers worded it: {claim.text}</p>
      )}
      <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[9rem_1fr]">
        <dt className="font-medium text-slate-600">Evidence level</dt>
        <dd>{evidenceLevelCell(claim.status, claim.consensus.evidenceLevel)}</dd>
        <dt className="font-medium text-slate-600">Verdicts</dt>
        <dd>{verdicts.length === 0 ? 'None given' : verdicts.join('; ')}</dd>
        {claim.rationale && (
          <>
            <dt className="font-medium text-slate-600">Rationale</dt>
            <dd className="whitespace-pre-line">{claim.rationale}</dd>
          </>
        )}
        <dt className="font-medium text-slate-600">Comments</dt>
        <dd className="tabular-nums">
          {claim.comments === 0 ? 'None' : `${claim.comments} (${claim.openComments} open threads)`}
        </dd>
        <dt className="font-medium text-slate-600">Citations</dt>
        <dd>
          {claim.citations.length === 0 ? (
            'None'
          ) : (
            <ul className="space-y-0.5">
              {claim.citations.map((c) => (
                <li key={`${c.kind}:${c.identifier}`}>
                  {CITATION_RELATION_LABEL[c.relation]}:{' '}
                  {/* Only a web address becomes a link: the stored one is shown as it was, never run. */}
                  {/^https?:\/\//i.test(c.url) ? (
                    <a href={c.url} className="break-all text-sky-800 underline underline-offset-2">
                      {c.kind} {c.identifier}
                    </a>
                  ) : (
                    `${c.kind} ${c.identifier}`
                  )}
                  {c.title && <span className="text-slate-700"> · {c.title}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}
