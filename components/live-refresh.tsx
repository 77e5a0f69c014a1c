'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useEffectEvent } from 'react';
import { openLiveStream } from './live-stream';

/** Changes that come close together make one reload. */
const GATHER_MS = 300;

/**
 * Keeps a page of counts (the dashboard, a project's documents) up to date: when a document the reader can see
 * changes on any instance (GET /api/events), the page's data is read again in the background, with no reload
 * and nothing lost, as these pages hold no form.
 */
export function LiveRefresh({ from }: { from: string }) {
  const router = useRouter();
  // Where the first page's data was read; each refresh renders a newer one, which the open stream has passed.
  const since = useEffectEvent(() => from);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The last event id seen: a stream opened again resumes from it, as the browser's own reconnect does.
    let resumeFrom = since();
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        startTransition(() => router.refresh());
      }, GATHER_MS);
    };
    const close = openLiveStream({
      url: () => `/api/events?${new URLSearchParams({ since: resumeFrom })}`,
      on: {
        change: (event) => {
          if (event.lastEventId) resumeFrom = event.lastEventId;
          refresh();
        },
        resync: refresh,
      },
    });
    return () => {
      close();
      clearTimeout(timer);
    };
  }, [router]);
  return null;
}
