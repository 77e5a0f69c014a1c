'use client';

import { useRouter } from 'next/navigation';
import { type Dispatch, startTransition, useEffect, useEffectEvent, useState } from 'react';
import type { ChangeNotice } from '@/lib/live/check-readers';
import { actionWords } from '@/lib/workspace/describe-changes';
import { openLiveStream } from '../live-stream';
import { fetchPanel } from './use-claim-panel';
import type { WorkspaceAction } from './workspace-state';

/** What the workspace says of the last change someone else made: "Rob assessed claim #12". */
export type LiveNotice = { key: number; text: string };

/** Someone else with the document open, and the claim they are on. */
export type Presence = { name: string; claimId: string };

// Changes to the list itself (claims added, removed, cut or reworded; the review mode) come with the page's
// next render; every other change is one claim's, and only that claim's panel is loaded again.
const LIST_CHANGES = new Set([
  'claim.created',
  'claim.deleted',
  'claim.split',
  'claim.merged',
  'claim.edited',
  'document.review-mode-changed',
  // A new version: a new body, every claim's place, new claims.
  'document.version-imported',
  'claim.text-changed',
  'claim.orphaned',
  // An orphan back in the text: a new row and highlight, one fewer orphan.
  'claim.orphan-attached',
  // My assignments: where an assigned reviewer's work starts.
  'assignment.created',
  'assignment.removed',
]);

/** Changes that arrive together (a save and the consensus it moved) are loaded once. */
const GATHER_MS = 100;

/**
 * Keeps the workspace up to date with what other reviewers (and my other tabs) do, from the document's event
 * stream (GET /api/documents/[id]/events, lib/live). The browser's EventSource reconnects by itself and resumes
 * with Last-Event-ID; when the server cannot say what was missed, it sends `resync` and the page reloads its data.
 * What I am typing is never replaced: the reducer's `claimChanged` leaves a form with unsaved changes alone.
 */
export function useLiveChanges(
  documentId: string,
  liveFrom: string,
  dispatch: Dispatch<WorkspaceAction>,
): { notice: LiveNotice | null; present: ReadonlyArray<Presence> } {
  const router = useRouter();
  const [notice, setNotice] = useState<LiveNotice | null>(null);
  const [present, setPresent] = useState<ReadonlyArray<Presence>>([]);

  const changed = useEffectEvent((claimIds: ReadonlyArray<string>) => {
    for (const claimId of claimIds) {
      fetchPanel(claimId).then(
        // Every row and highlight may re-render: typing and clicks go first.
        (panel) => startTransition(() => dispatch({ type: 'claimChanged', panel })),
        // A claim deleted meanwhile, or the network gone: the list's own reload, or the next change, tells.
        () => {},
      );
    }
  });
  const refresh = useEffectEvent(() => startTransition(() => router.refresh()));
  // Where the first page's data was read; a stream opened again for another document starts from its own page.
  const since = useEffectEvent(() => liveFrom);

  useEffect(() => {
    // The last event id seen.
    let resumeFrom = since();
    let gathered = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let listChanged = false;
    const flush = () => {
      timer = undefined;
      if (listChanged) refresh();
      else changed([...gathered]);
      listChanged = false;
      gathered = new Set();
    };
    const later = () => {
      timer ??= setTimeout(flush, GATHER_MS);
    };
    const close = openLiveStream({
      // A stream opened again resumes from the last event seen, as the browser's own reconnect does.
      url: () =>
        `/api/documents/${encodeURIComponent(documentId)}/events?${new URLSearchParams({ since: resumeFrom })}`,
      on: {
        change: (event) => {
          if (event.lastEventId) resumeFrom = event.lastEventId;
          const change = parse<ChangeNotice>(event.data);
          if (!change) return;
          if (LIST_CHANGES.has(change.action)) listChanged = true;
          else if (change.claimId) gathered.add(change.claimId);
          later();
          const text = noticeOf(change);
          if (text) setNotice((last) => ({ key: (last?.key ?? 0) + 1, text }));
        },
        presence: (event) => {
          const body = parse<{ present: Presence[] }>(event.data);
          if (body) startTransition(() => setPresent(body.present));
        },
        resync: () => {
          listChanged = true;
          later();
        },
      },
      ended: () =>
        setNotice((last) => ({
          key: (last?.key ?? 0) + 1,
          text: 'Live updates stopped: you may no longer have access to this document. Reload the page to see why.',
        })),
    });
    return () => {
      close();
      clearTimeout(timer);
    };
  }, [documentId]);

  return { notice, present };
}

function parse<T>(data: string): T | null {
  try {
    return JSON.parse(data) as T;
  } catch {
    return null;
  }
}

/**
 * The words for someone else's change; null for my own (another tab of mine) and for a consensus that moved,
 * which always follows a change that is told already.
 */
function noticeOf(change: ChangeNotice): string | null {
  const words = actionWords(change.action);
  if (change.mine || change.action === 'consensus.changed' || !words) return null;
  const done = `${change.actorName ?? 'Someone'} ${words}.`;
  return change.claimNumber === null ? done : `Claim #${change.claimNumber}: ${done}`;
}
