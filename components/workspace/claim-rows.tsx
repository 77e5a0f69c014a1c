'use client';

import { memo, useEffect, useRef, useState } from 'react';
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
  onSelect: (claimId: string) => void;
};

/** The filtered claims as a windowed list; the selected row is always scrolled into view. */
export const ClaimRows = memo(function ClaimRows({ claims, total, selectedId, textOf, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
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
          const selected = claim.id === selectedId;
          return (
            <li
              key={claim.id}
              className="absolute inset-x-0"
              style={{ top: (first + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
              aria-setsize={claims.length}
              aria-posinset={first + offset + 1}
            >
              <button
                type="button"
                data-claim-row={claim.id}
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(claim.id)}
                className={`flex h-full w-full items-start gap-2 border-b border-slate-100 px-2 py-1.5 text-left text-sm hover:bg-slate-50 ${selected ? 'bg-sky-50 ring-2 ring-inset ring-sky-700' : ''}`}
              >
                <span className="w-9 shrink-0 pt-0.5 text-right text-xs tabular-nums text-slate-600">
                  #{claim.n}
                </span>
                <span
                  className={`mt-0.5 inline-flex w-5 shrink-0 justify-center rounded text-xs font-semibold ring-1 ${style.badge}`}
                  title={style.label}
                >
                  <span aria-hidden="true">{style.symbol}</span>
                  <span className="sr-only">{style.label}</span>
                </span>
                <span className="line-clamp-2 min-w-0 flex-1 leading-snug">{textOf(claim)}</span>
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
