'use client';

import { useRouter } from 'next/navigation';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { useAction } from './use-action';

/** For admins: switch a document between open and blind review. */
export function ReviewModeSwitch(props: {
  documentId: string;
  mode: ReviewMode;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const switching = useAction();
  const next = props.mode === 'BLIND' ? 'OPEN' : 'BLIND';
  return (
    <div className="flex items-center gap-2 text-xs">
      <button
        type="button"
        disabled={switching.pending}
        onClick={() =>
          switching.run(() => props.action({ documentId: props.documentId, mode: next }), {
            onSuccess: () => router.refresh(),
          })
        }
        className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 disabled:opacity-60"
      >
        {next === 'BLIND' ? 'Switch to blind review' : 'Switch to open review'}
      </button>
      <ActionMessage result={switching.result} failuresOnly />
    </div>
  );
}
