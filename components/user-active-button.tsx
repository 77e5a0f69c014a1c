'use client';

import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { useAction } from './use-action';

export function UserActiveButton(props: {
  userId: string;
  userName: string;
  active: boolean;
  action: (input: unknown) => Promise<ActionResult<{ active: boolean }>>;
}) {
  const toggling = useAction<{ active: boolean }>();
  const toggle = () => toggling.run(() => props.action({ userId: props.userId, active: !props.active }));

  const verb = props.active ? 'Deactivate' : 'Reactivate';
  return (
    <div>
      <Button
        variant={props.active ? 'danger' : 'secondary'}
        size="sm"
        onClick={toggle}
        disabled={toggling.pending}
      >
        {toggling.pending ? `${verb.slice(0, -1)}ing…` : verb}
        <span className="sr-only"> {props.userName}</span>
      </Button>
      <ActionMessage result={toggling.result} className="max-w-56 text-xs" />
    </div>
  );
}
