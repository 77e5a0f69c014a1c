'use client';

import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
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
      <button
        type="button"
        onClick={toggle}
        disabled={toggling.pending}
        className={`rounded border px-2 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60 ${
          props.active
            ? 'border-rose-300 bg-white text-rose-800 hover:bg-rose-50'
            : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100'
        }`}
      >
        {toggling.pending ? `${verb.slice(0, -1)}ing…` : verb}
        <span className="sr-only"> {props.userName}</span>
      </button>
      <ActionMessage result={toggling.result} className="max-w-56 text-xs" />
    </div>
  );
}
