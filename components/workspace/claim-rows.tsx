'use client';

import { memo, useEffect, useRef, useState } from 'react';
import { inReviewWords } from '@/lib/consensus/consensus';
import { INITIAL_LIST_HEIGHT, ROW_HEIGHT, rowWindow } from '@/lib/workspace/render-window';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';
import { STATUS_STYLE } from '../status-style';

// Rows have one fixed height (ROW_HEIGHT) so the list can render only those in view: 2,000 rows would
// otherwise cost every re-render, and every verdict, tens of milliseconds.

type Props = {
  claims: ReadonlyArray<WorkspaceClaim>;
  total: number;
  selectedId: string | null;
  textOf: (claim: WorkspaceClaim) => string;
  /** The project's consensus rule, for "In review (1 of 2)". */
  reviewersRequired: number;
  /** Who else is on each claim now, by claim id (lib/live/presence.ts). */
  present: ReadonlyMap<string, ReadonlyArray<string>>;
  onSelect: (claimId: string) => void;
};

// Keys that move through the list while a row has the focus, and where each goes from row i of n.
const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The filtered claims as a windowed list; the selected row is always scrolled into view. The list is one stop
 * for Tab (the selected row, or the first in view), and the arrow keys, Home and End move the selection and the
 * focus through it, so Tab does not walk through every row to reach the panel.
 */
export const ClaimRows = memo(function ClaimRows({
  claims,
  total,
  selectedId,
  textOf,
  reviewersRequired,
  present,
  onSelect,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row to focus once it is rendered, after an arrow key selected it.
  const focusNext = useRef<string | null>(null);
  const [viewport, setViewport] = useState({ top: 0, height: INITIAL_LIST_HEIGHT });
  const selectedIndex = selectedId ? claims.findIndex((c) => c.id === selectedId) : -1;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setViewport({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedIndex]);

  const { first, last } = rowWindow(viewport.top, viewport.height, claims.length);
  const tabStop = selectedIndex >= first && selectedIndex < last ? selectedIndex : first;

  useEffect(() => {
    if (!focusNext.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-claim-row="${focusNext.current}"]`);
    if (!row) return;
    focusNext.current = null;
    row.focus();
  });

  function move(event: React.KeyboardEvent, index: number) {
    const to = MOVES[event.key]?.(index, claims.length);
    const claim = to === undefined ? undefined : claims[to];
    if (!claim) return;
    event.preventDefault();
    focusNext.current = claim.id;
    onSelect(claim.id);
  }

  if (claims.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
        {total === 0 ? 'No claims were found in this document.' : 'No claims match these filters.'}
      </p>
    );
  }
  return (
    <div
      ref={scrollRef}
      onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      className="h-full overflow-y-auto rounded border border-slate-200 bg-white"
    >
      <ul aria-label="Claims" className="relative" style={{ height: claims.length * ROW_HEIGHT }}>
        {claims.slice(first, last).map((claim, offset) => {
          const style = STATUS_STYLE[claim.status];
          const inReview = claim.status === 'IN_REVIEW';
          const label = inReview
            ? inReviewWords({ assessed: claim.assessed, required: reviewersRequired })
            : style.label;
          const selected = claim.id === selectedId;
          const index = first + offset;
          return (
            <li
              key={claim.id}
              className="absolute inset-x-0"
              style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
              aria-setsize={claims.length}
              aria-posinset={index + 1}
            >
              <button
                type="button"
                data-claim-row={claim.id}
                aria-current={selected ? 'true' : undefined}
                tabIndex={index === tabStop ? 0 : -1}
                onClick={() => onSelect(claim.id)}
                onKeyDown={(event) => move(event, index)}
                className={`flex h-full w-full items-start gap-2 border-b border-slate-100 px-2 py-1.5 text-left text-sm hover:bg-slate-50 ${selected ? 'bg-sky-50 ring-2 ring-inset ring-sky-700' : ''}`}
              >
                <span className="w-9 shrink-0 pt-0.5 text-right text-xs tabular-nums text-slate-600">
                  #{claim.n}
                </span>
                <span
                  className={`mt-0.5 inline-flex w-5 shrink-0 justify-center rounded text-xs font-semibold ring-1 ${style.badge}`}
                  title={label}
                >
                  <span aria-hidden="true">{style.symbol}</span>
                  <span className="sr-only">{label}</span>
                </span>
                <span className="line-clamp-2 min-w-0 flex-1 leading-snug">{textOf(claim)}</span>
                <PresentOn names={present.get(claim.id)} />
                {claim.citesStudy && (
                  <span className="shrink-0 pt-0.5 text-xs text-slate-600" title="Cites a study">
                    <span aria-hidden="true">❝</span>
                    <span className="sr-only">cites a study</span>
                  </span>
                )}
                {inReview && (
                  <span aria-hidden="true" className="shrink-0 pt-0.5 text-xs tabular-nums text-sky-900">
                    {claim.assessed} of {reviewersRequired}
                  </span>
                )}
                {claim.mine && (
                  <span
                    className="shrink-0 pt-0.5 text-xs text-slate-600"
                    title="You have assessed this claim"
                  >
                    <span aria-hidden="true">●</span>
                    <span className="sr-only">assessed by you</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
});

/** The initials of whoever else is on the claim now, with their names for a pointer and a screen reader. */
function PresentOn({ names }: { names: ReadonlyArray<string> | undefined }) {
  if (!names?.length) return null;
  const words = `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} on this claim`;
  return (
    <span className="flex shrink-0 gap-0.5 pt-0.5" title={words} data-present={names.join(', ')}>
      {names.slice(0, 2).map((name) => (
        <span
          key={name}
          aria-hidden="true"
          className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-amber-200 px-1 text-[0.65rem] font-semibold text-amber-950"
        >
          {initials(name)}
        </span>
      ))}
      {names.length > 2 && (
        <span aria-hidden="true" className="text-xs text-slate-700">
          +{names.length - 2}
        </span>
      )}
      <span className="sr-only">{words}</span>
    </span>
  );
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}
