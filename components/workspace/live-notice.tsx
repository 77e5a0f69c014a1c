'use client';

import { useEffect, useState } from 'react';
import type { LiveNotice } from './use-live-changes';

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
