'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { useAction } from './use-action';

/**
 * A button for a change that cannot be undone from here (removing a member, revoking a link): the first press
 * asks, the second does it, and Cancel steps back.
 */
export function ConfirmButton(props: {
  label: string;
  /** Who or what it acts on, for screen readers: "Remove" alone says too little in a table. */
  subject: string;
  question: string;
  busy: string;
  run: () => Promise<ActionResult>;
}) {
  const [asking, setAsking] = useState(false);
  const acting = useAction();

  return (
    <div>
      {asking ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs text-slate-800">{props.question}</span>
          <Button
            variant="danger"
            size="sm"
            disabled={acting.pending}
            onClick={() => acting.run(props.run, { onFailure: () => setAsking(false) })}
          >
            {acting.pending ? props.busy : `Yes, ${props.label.toLowerCase()}`}
            <span className="sr-only"> {props.subject}</span>
          </Button>
          <Button size="sm" onClick={() => setAsking(false)} disabled={acting.pending}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="danger" size="sm" onClick={() => setAsking(true)}>
          {props.label}
          <span className="sr-only"> {props.subject}</span>
        </Button>
      )}
      <ActionMessage result={acting.result} className="max-w-64 text-xs" />
    </div>
  );
}
