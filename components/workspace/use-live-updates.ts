'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';
import type { ChangeNotice } from '@/lib/live/change-for-reader';
import { describeChange } from '@/lib/live/describe-change';

/** Changes that come together (a save and the consensus it moved) make one reload. */
const RELOAD_AFTER_MS = 150;
const NOTICE_MS = 6_000;

/**
 * Keeps the workspace current while others review the same document: each change announced on its event stream
 * (GET /api/documents/{id}/events) reloads the page's data, so highlights, counts and the open panel follow;
 * what the reader is typing is theirs and stays (workspace-state.ts keeps drafts across reloads). Returns the
 * sentence to show for the latest change by someone else, for a few seconds.
 */
export function useLiveUpdates(documentId: string): string | null {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/documents/${documentId}/events`);
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => startTransition(() => router.refresh()), RELOAD_AFTER_MS);
    };
    source.addEventListener('change', (event) => {
      reload();
      const text = describeChange(JSON.parse((event as MessageEvent<string>).data) as ChangeNotice);
      if (!text) return;
      setNotice(text);
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => setNotice(null), NOTICE_MS);
    });
    // The instance missed announcements (or this browser reconnected to another): reload, to miss nothing.
    source.addEventListener('resync', reload);
    // Access ended (signed out, or removed from the project): the next reload shows why.
    source.addEventListener('end', () => source.close());
    return () => {
      source.close();
      clearTimeout(reloadTimer);
      clearTimeout(noticeTimer);
    };
  }, [documentId, router]);
  return notice;
}
