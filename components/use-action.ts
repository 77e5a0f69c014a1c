'use client';

import { unstable_rethrow } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/errors';

/** A call that never came back with a result: the network failed, or the server answered with an error page. */
export const UNANSWERED: ActionResult<never> = {
  ok: false,
  message: 'The server could not be reached, or did not answer. What you entered is kept: try again.',
};

export type ActionState<T> = {
  /** From the call until its result is in. */
  pending: boolean;
  /** The last result (or refusal) until the next call; null before the first. */
  result: ActionResult<T> | null;
  /** The last failure's message for each field, beside that field; empty otherwise. */
  fieldErrors: Readonly<Record<string, string>>;
  /**
   * Calls a Server Action in a transition and keeps its result. Only `onSuccess` should clear a form, so what the
   * user typed stays after a failure.
   */
  run: (call: () => Promise<ActionResult<T>>, then?: Then<T>) => void;
  /** A failure found before calling the server, shown like the server's own. */
  refuse: (message: string) => void;
  /** Forgets the last result, when what it said no longer applies. */
  clear: () => void;
};

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Then<T> = { onSuccess?: (data: T) => void; onFailure?: (failure: Failure) => void };

const NO_FIELD_ERRORS: Readonly<Record<string, string>> = {};

/**
 * Pending, the last ActionResult and its message for a form or button that calls a Server Action, in the manner
 * of React's useActionState. ActionMessage shows the result in a live region.
 */
export function useAction<T = unknown>(): ActionState<T> {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();

  function run(call: () => Promise<ActionResult<T>>, then: Then<T> = {}) {
    startTransition(async () => {
      let r: ActionResult<T>;
      try {
        r = await call();
      } catch (error) {
        // A redirect or notFound() from the action is Next.js's to carry out.
        unstable_rethrow(error);
        r = UNANSWERED;
      }
      setResult(r);
      if (r.ok) then.onSuccess?.(r.data);
      else then.onFailure?.(r);
    });
  }

  return {
    pending,
    result,
    fieldErrors: result && !result.ok ? (result.fieldErrors ?? NO_FIELD_ERRORS) : NO_FIELD_ERRORS,
    run,
    refuse: (message) => setResult({ ok: false, message }),
    clear: () => setResult(null),
  };
}
