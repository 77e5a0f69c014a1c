'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect } from 'react';

/** Changes that come close together make one reload. */
const GATHER_MS = 300;
/** How long before a stream the browser gave up on is opened again. */
const REOPEN_MS = 5_000;

/**
 * Keeps a page of counts (the dashboard, a project's documents) up to date: when a document the reader can see
 * changes on any instance (GET /api/events), the page's data is read again in the background, with no reload
 * and nothing lost, as these pages hold no form.
 */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reopening: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        startTransition(() => router.refresh());
      }, GATHER_MS);
    };
    const open = () => {
      const stream = new EventSource('/api/events');
      source = stream;
      stream.addEventListener('change', refresh);
      stream.addEventListener('resync', refresh);
      // A stream the browser gave up on (a 503 while the database restarts) is opened again, and the page read
      // again, as changes may have been missed meanwhile.
      stream.addEventListener('error', () => {
        if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
        reopening = setTimeout(() => {
          open();
          refresh();
        }, REOPEN_MS);
      });
      stream.addEventListener('end', () => {
        source = undefined;
        stream.close();
      });
    };
    open();
    return () => {
      source?.close();
      source = undefined;
      clearTimeout(reopening);
      clearTimeout(timer);
    };
  }, [router]);
  return null;
}
