'use client';

import { useEffect, useState } from 'react';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';
import type { LiveNotice, Presence } from './use-live-changes';

/** How long a notice stays: long enough to read, short enough not to be mistaken for the present state. */
const SHOWN_MS = 10_000;

/**
 * Who else is here ("Also here: Rob Reviewer on #12"), and the last change someone else made ("Claim #12: Rob
 * Reviewer assessed."), for a while. The notice's region is always there, so a screen reader announces each
 * notice as it comes.
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
    <div className="text-xs text-slate-700">
      {here && <p data-presence>Also here: {here}</p>}
      <p role="status" data-live-notice className="min-h-4">
        {shown}
      </p>
    </div>
  );
}
