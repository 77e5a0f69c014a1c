'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimPanel } from '@/lib/workspace/claim-panel-types';

type State = { claimId: string | null; panel: ClaimPanel | null; error: string | null };

/**
 * The selected claim's full panel, loaded from GET /api/claims/[id] when it is selected. Panels already seen
 * are shown at once from memory and refreshed behind, so j/k through the list never waits on the network.
 */
export function useClaimPanel(claimId: string | null) {
  const cache = useRef(new Map<string, ClaimPanel>());
  const [state, setState] = useState<State>({ claimId: null, panel: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!claimId) return;
    const controller = new AbortController();
    const cached = cache.current.get(claimId) ?? null;
    setState((s) => (s.claimId === claimId && generation > 0 ? s : { claimId, panel: cached, error: null }));
    fetchPanel(claimId, controller.signal)
      .then((panel) => {
        cache.current.set(claimId, panel);
        setState({ claimId, panel, error: null });
      })
      .catch((e: Error) => {
        if (controller.signal.aborted) return;
        setState({ claimId, panel: cached, error: e.message });
      });
    return () => controller.abort();
  }, [claimId, generation]);

  /** Loads the panel again after a change, e.g. to show the new comment and its history entry. */
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  /** Warms the cache for claims the reviewer is likely to open next. */
  const prefetch = useCallback((ids: ReadonlyArray<string>) => {
    for (const id of ids) {
      if (cache.current.has(id)) continue;
      fetchPanel(id).then(
        (panel) => cache.current.set(id, panel),
        () => {},
      );
    }
  }, []);

  /** Applies a change the reader just saved to a remembered panel, so coming back to it shows the saved version. */
  const patch = useCallback((id: string, change: (panel: ClaimPanel) => ClaimPanel) => {
    const cached = cache.current.get(id);
    if (cached) cache.current.set(id, change(cached));
  }, []);

  const current = state.claimId === claimId ? state : { claimId, panel: null, error: null };
  return { panel: current.panel, error: current.error, reload, prefetch, patch };
}

async function fetchPanel(claimId: string, signal?: AbortSignal): Promise<ClaimPanel> {
  const response = await fetch(`/api/claims/${claimId}`, { signal, cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The claim could not be loaded (HTTP ${response.status}). Try again.`);
  }
  return (await response.json()) as ClaimPanel;
}
