'use client';

import { useEffect, useState } from 'react';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';
import type { LiveNotice, Presence } from './use-live-changes';

/** How long a notice stays: long enough to read, short enough not to be mistaken for the present state. */
const SHOWN_MS = 10_000;

/**
 * The last change someone else made ("Claim #12: Rob Reviewer assessed."), for a while, in the window's corner:
 * a notice coming and going moves nothing the reader is using. The region is always there (empty, and so
 * unseen, between notices), so a screen reader announces each notice as it comes.
 */
export function LiveNoticeToast({ notice }: { notice: LiveNotice | null }) {
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setHidden(notice.key), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const shown = notice && hidden !== notice.key ? notice.text : '';
  return (
    <p
      role="status"
      data-live-notice
      className="pointer-events-none fixed bottom-4 left-4 z-20 max-w-sm text-sm [&:not(:empty)]:rounded [&:not(:empty)]:bg-slate-900 [&:not(:empty)]:px-3 [&:not(:empty)]:py-2 [&:not(:empty)]:text-white [&:not(:empty)]:shadow-lg"
    >
      {shown || null}
    </p>
  );
}

/**
 * Who else is here ("Also here: Rob Reviewer on #12"), on one line that never wraps, so the claim list below
 * keeps its height however many are here; the whole of it is the title, and each row shows its own.
 */
export function PresenceSummary({
  present,
  claims,
}: {
  present: ReadonlyArray<Presence>;
  claims: ReadonlyArray<WorkspaceClaim>;
}) {
  const here = present
    .map((p) => ({ name: p.name, claim: claims.find((c) => c.id === p.claimId) }))
    .filter((p) => p.claim)
    .map((p) => `${p.name} on #${p.claim?.n}`)
    .join(', ');
  if (!here) return null;
  return (
    <span data-presence title={`Also here: ${here}`} className="min-w-0 flex-1 truncate text-center">
      Also here: {here}
    </span>
  );
}
