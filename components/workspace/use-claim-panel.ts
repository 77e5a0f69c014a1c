'use client';

import { type Dispatch, startTransition, useEffect, useEffectEvent } from 'react';
import type { ClaimPanel } from '@/lib/workspace/claim-panel-types';
import type { WorkspaceAction } from './workspace-state';

/**
 * Loads the selected claim's full panel from GET /api/claims/[id] when it is selected, and again after each
 * change that counts in `loads`. Panels already seen stay in the workspace's state and show at once while they
 * load again; the neighbours are warmed, so j and k through the list never wait on the network.
 */
export function useClaimPanel(options: {
  selectedId: string | null;
  loads: number;
  /** The claims j and k would open next. */
  neighbours: ReadonlyArray<string>;
  panels: ReadonlyMap<string, ClaimPanel>;
  dispatch: Dispatch<WorkspaceAction>;
}) {
  const { selectedId, loads, neighbours, dispatch } = options;

  // biome-ignore lint/correctness/useExhaustiveDependencies: each change counted in `loads` loads the panel again.
  useEffect(() => {
    if (!selectedId) return;
    const controller = new AbortController();
    fetchPanel(selectedId, controller.signal).then(
      (panel) => dispatch({ type: 'panelLoaded', panel }),
      (e: Error) => {
        if (!controller.signal.aborted)
          dispatch({ type: 'panelFailed', claimId: selectedId, message: e.message });
      },
    );
    return () => controller.abort();
  }, [selectedId, loads, dispatch]);

  const warm = useEffectEvent((ids: ReadonlyArray<string>) => {
    for (const id of ids) {
      if (options.panels.has(id)) continue;
      fetchPanel(id).then(
        // Nobody is waiting for it: its render gives way to typing and clicks.
        (panel) => startTransition(() => dispatch({ type: 'panelLoaded', panel })),
        () => {},
      );
    }
  });
  useEffect(() => {
    const timer = setTimeout(() => warm(neighbours), 150);
    return () => clearTimeout(timer);
  }, [neighbours]);
}

export async function fetchPanel(claimId: string, signal?: AbortSignal): Promise<ClaimPanel> {
  const response = await fetch(`/api/claims/${claimId}`, { signal, cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The claim could not be loaded (HTTP ${response.status}). Try again.`);
  }
  return (await response.json()) as ClaimPanel;
}
