'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useReducer, useSyncExternalStore } from 'react';
import type { ImportJobView } from '@/lib/imports/load-import-job';
import { buttonClass } from './ui/button';
import { ERROR } from './ui/field';

// Often enough that the bar moves while a 2 MB import saves its batches, seldom enough to cost the server nothing.
const POLL_MS = 750;

type State = {
  job: ImportJobView;
  /** The last poll got no answer; polling goes on. */
  unanswered: boolean;
  /** The server no longer knows the job (404): what it said. */
  lost: string | null;
};

type Action =
  | { type: 'answer'; job: ImportJobView }
  | { type: 'unanswered' }
  | { type: 'lost'; message: string };

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'answer':
      return { ...state, job: action.job, unanswered: false };
    case 'unanswered':
      return { ...state, unanswered: true };
    case 'lost':
      return { ...state, lost: action.message };
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

/** Where the import is, in words. */
function stageText(job: ImportJobView): string {
  if (job.status === 'done') return `Imported with ${count(job.claims ?? 0)} claims`;
  if (job.status === 'failed') return 'The import failed';
  if (job.status === 'queued') return 'Waiting to start';
  if (job.stage === 'saving') return `Saving claims ${count(job.done)} of ${count(job.total)}`;
  if (job.stage === 'extracting') return 'Finding claims';
  return job.total > 0 ? `Reading page ${count(job.done)} of ${count(job.total)}` : 'Reading the file';
}

// A hidden tab stops polling, and starts again when it is shown.
const subscribeVisibility = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};
const isHidden = () => document.visibilityState === 'hidden';
const isHiddenOnServer = () => false;

/**
 * An import job followed to its end: its stage and a progress bar, polled from GET /api/imports/{id}. The page
 * can be left and come back to; once the document is saved it opens in place of this page.
 */
export function ImportProgress({ initial }: { initial: ImportJobView }) {
  const id = useId();
  const router = useRouter();
  const [state, dispatch] = useReducer(reduce, { job: initial, unanswered: false, lost: null });
  const { job } = state;
  const hidden = useSyncExternalStore(subscribeVisibility, isHidden, isHiddenOnServer);
  const ended = job.status === 'done' || job.status === 'failed' || state.lost !== null;

  // One poll after another while the job runs and the tab is shown; an answer that ends it ends the effect.
  useEffect(() => {
    if (ended || hidden) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`/api/imports/${job.id}`, { cache: 'no-store', signal: abort.signal });
        const answer = await response.json().catch(() => null);
        if (response.ok && answer?.id === job.id) dispatch({ type: 'answer', job: answer });
        else if (response.status === 404 && typeof answer?.message === 'string')
          dispatch({ type: 'lost', message: answer.message });
        else dispatch({ type: 'unanswered' });
      } catch {
        if (abort.signal.aborted) return;
        dispatch({ type: 'unanswered' });
      }
      if (!abort.signal.aborted) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [ended, hidden, job.id]);

  // Replaced, not pushed: Back from the document returns to the import page, not to a finished job.
  const documentHref = job.documentId ? `/documents/${job.documentId}` : null;
  useEffect(() => {
    if (documentHref) router.replace(documentHref);
  }, [documentHref, router]);

  const counted = job.status === 'running' && job.total > 0;
  const value = job.status === 'done' ? 1 : counted ? job.done : undefined;
  const max = job.status === 'done' ? 1 : counted ? job.total : undefined;
  const words = stageText(job);

  return (
    <div className="mt-4 max-w-2xl space-y-4 rounded border border-slate-200 bg-white p-4">
      <div>
        <p id={`${id}-label`} className="text-sm font-medium text-slate-800">
          Import progress
        </p>
        <div
          role="progressbar"
          aria-labelledby={`${id}-label`}
          aria-valuemin={value === undefined ? undefined : 0}
          aria-valuenow={value}
          aria-valuemax={max}
          aria-valuetext={words}
          className="mt-1 h-3 w-full overflow-hidden rounded bg-slate-200"
        >
          <div
            className={
              job.status === 'failed'
                ? 'h-full w-full bg-rose-300'
                : value === undefined
                  ? 'h-full w-1/3 animate-pulse bg-sky-700'
                  : 'h-full bg-sky-700 transition-[width] duration-500'
            }
            style={value === undefined || !max ? undefined : { width: `${(100 * value) / max}%` }}
          />
        </div>
        <p className="mt-2 text-sm text-slate-800">{words}</p>
        {/* Only a new stage is announced, not every count, or a screen reader would say nothing else. */}
        <p className="sr-only" aria-live="polite">
          {stageName(job)}
        </p>
        {state.unanswered && !ended && (
          <p className="mt-1 text-sm text-slate-700">The server did not answer; trying again.</p>
        )}
      </div>
      {job.status === 'done' && documentHref && (
        <a href={documentHref} className={buttonClass({ variant: 'primary' })}>
          Open the document
        </a>
      )}
      {(job.status === 'failed' || state.lost) && (
        <div className="space-y-3">
          <p role="alert" className={`${ERROR} break-words`}>
            {state.lost ?? job.error ?? 'The import failed, and nothing was saved.'}
          </p>
          <a href="/documents/new" className={buttonClass()}>
            Back to Import
          </a>
        </div>
      )}
      {!ended && (
        <p className="text-sm text-slate-700">
          You can leave this page: the import goes on, and the document appears in the list when it is saved.
        </p>
      )}
    </div>
  );
}

/** The stage alone, announced when it changes. */
function stageName(job: ImportJobView): string {
  if (job.status !== 'running') return stageText(job);
  return { reading: 'Reading the file', extracting: 'Finding claims', saving: 'Saving claims' }[
    job.stage ?? 'reading'
  ];
}
