'use client';

import { useEffect, useState } from 'react';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';
import type { LiveNotice, Presence } from './use-live-changes';

/** How long a notice stays: long enough to read, short enough not to be mistaken for the present state. */
const SHOWN_MS = 10_000;

/**
 * Who else is here ("Also here: Rob Reviewer on #12"), and the last change someone else made ("Claim #12: Rob
 * Reviewer assessed."), for a while, in the window's corner. The notice's region is always there (empty, and
 * so unseen, between notices), so a screen reader announces each notice as it comes.
 */
export function LiveNoticeLine({
  notice,
  present,
  claims,
}: {
  notice: LiveNotice | null;
  present: ReadonlyArray<Presence>;
  claims: ReadonlyArray<WorkspaceClaim>;
}) {
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setHidden(notice.key), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const shown = notice && hidden !== notice.key ? notice.text : '';
  const here = present
    .map((p) => ({ name: p.name, claim: claims.find((c) => c.id === p.claimId) }))
    .filter((p) => p.claim)
    .map((p) => `${p.name} on #${p.claim?.n}`)
    .join(', ');
  return (
    <>
      {here && (
        <p data-presence className="text-xs text-slate-700">
          Also here: {here}
        </p>
      )}
      {/* Over the page's corner, not in its flow: a notice coming and going moves nothing the reader is using. */}
      <p
        role="status"
        data-live-notice
        className="pointer-events-none fixed bottom-4 left-4 z-20 max-w-sm text-sm [&:not(:empty)]:rounded [&:not(:empty)]:bg-slate-900 [&:not(:empty)]:px-3 [&:not(:empty)]:py-2 [&:not(:empty)]:text-white [&:not(:empty)]:shadow-lg"
      >
        {shown || null}
      </p>
    </>
  );
}
