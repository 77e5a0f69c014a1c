'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';

/** For admins: switch a document between open and blind review. */
export function ReviewModeSwitch(props: {
  documentId: string;
  mode: ReviewMode;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const next = props.mode === 'BLIND' ? 'OPEN' : 'BLIND';
  return (
    <div className="flex items-center gap-2 text-xs">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await props.action({ documentId: props.documentId, mode: next });
            setResult(r);
            if (r.ok) router.refresh();
          })
        }
        className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 disabled:opacity-60"
      >
        {next === 'BLIND' ? 'Switch to blind review' : 'Switch to open review'}
      </button>
      <span aria-live="polite">
        {result && !result.ok && <span className="text-rose-800">{result.message}</span>}
      </span>
    </div>
  );
}
