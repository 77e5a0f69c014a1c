'use client';

import { useEffect, useState } from 'react';
import type { LiveNotice } from './use-live-changes';

/** How long a notice stays: long enough to read, short enough not to be mistaken for the present state. */
const SHOWN_MS = 10_000;

/**
 * "Rob assessed claim #12": the last change someone else made, for a while. The region is always there, so a
 * screen reader announces each notice as it comes.
 */
export function LiveNoticeLine({ notice }: { notice: LiveNotice | null }) {
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setHidden(notice.key), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const shown = notice && hidden !== notice.key ? notice.text : '';
  return (
    <p role="status" data-live-notice className="min-h-4 text-xs text-slate-700">
      {shown}
    </p>
  );
}
