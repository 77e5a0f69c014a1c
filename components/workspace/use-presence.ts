'use client';

import { useEffect } from 'react';

/** As lib/live/presence.ts's PRESENCE_EVERY_MS: the server forgets a reader three of these after the last. */
const EVERY_MS = 10_000;
/** Moving through the list with j and k announces only the claim the reader stops on. */
const SETTLE_MS = 300;

/**
 * Tells the other readers of the document which claim this one is on (POST /api/documents/[id]/presence): when
 * the selection settles, every 10 s while the tab shows, and "gone" when the tab hides or closes, or the reader
 * leaves the workspace. A failed announcement is not retried: the next one, or the server forgetting, puts it
 * right.
 */
export function usePresence(documentId: string, claimId: string | null) {
  useEffect(() => {
    const here = () => (document.visibilityState === 'visible' ? claimId : null);
    const settle = setTimeout(() => announce(documentId, here()), SETTLE_MS);
    const every = setInterval(() => {
      if (document.visibilityState === 'visible') announce(documentId, claimId);
    }, EVERY_MS);
    const shown = () => announce(documentId, here());
    const gone = () => announce(documentId, null);
    document.addEventListener('visibilitychange', shown);
    window.addEventListener('pagehide', gone);
    return () => {
      clearTimeout(settle);
      clearInterval(every);
      document.removeEventListener('visibilitychange', shown);
      window.removeEventListener('pagehide', gone);
    };
  }, [documentId, claimId]);

  // Leaving the workspace inside the app (a link to the summary) is no pagehide.
  useEffect(() => () => announce(documentId, null), [documentId]);
}

function announce(documentId: string, claimId: string | null) {
  void fetch(`/api/documents/${encodeURIComponent(documentId)}/presence`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ claimId }),
    // Still sent as the page unloads.
    keepalive: true,
  }).catch(() => {});
}
