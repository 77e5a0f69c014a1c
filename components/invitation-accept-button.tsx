'use client';

import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { useAction } from './use-action';

export function InvitationAcceptButton(props: {
  token: string;
  action: (input: unknown) => Promise<ActionResult>;
}) {
  const accepting = useAction();
  return (
    <div className="space-y-2">
      <Button
        variant="primary"
        disabled={accepting.pending}
        onClick={() => accepting.run(() => props.action({ token: props.token }))}
      >
        {accepting.pending ? 'Joining…' : 'Accept invitation'}
      </Button>
      <ActionMessage result={accepting.result} alert className="text-sm" />
    </div>
  );
}
