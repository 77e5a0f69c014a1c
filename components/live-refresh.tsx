'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useEffect } from 'react';

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
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        startTransition(() => router.refresh());
      }, GATHER_MS);
    };
    source.addEventListener('change', refresh);
    source.addEventListener('resync', refresh);
    source.addEventListener('end', () => source.close());
    return () => {
      source.close();
      clearTimeout(timer);
    };
  }, [router]);
  return null;
}
