'use client';

import { useRouter } from 'next/navigation';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
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
    <div className="flex flex-wrap items-center gap-2">
      <Button
        disabled={switching.pending}
        onClick={() =>
          switching.run(() => props.action({ documentId: props.documentId, mode: next }), {
            onSuccess: () => router.refresh(),
          })
        }
      >
        {next === 'BLIND' ? 'Switch to blind review' : 'Switch to open review'}
      </Button>
      <ActionMessage result={switching.result} failuresOnly />
    </div>
  );
}
