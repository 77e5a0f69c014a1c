'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect } from 'react';
import { openLiveStream } from './live-stream';

/** Changes that come close together make one reload. */
const GATHER_MS = 300;

/**
 * Keeps a page of counts (the dashboard, a project's documents) up to date: when a document the reader can see
 * changes on any instance (GET /api/events), the page's data is read again in the background, with no reload
 * and nothing lost, as these pages hold no form.
 */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        startTransition(() => router.refresh());
      }, GATHER_MS);
    };
    const close = openLiveStream({
      url: () => '/api/events',
      on: { change: refresh, resync: refresh },
      // Changes may have been missed while the stream was down: the page is read again.
      reopened: refresh,
    });
    return () => {
      close();
      clearTimeout(timer);
    };
  }, [router]);
  return null;
}
