'use client';

import { useId, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { useAction } from './use-action';

export function SignInForm(props: { next: string; action: (input: unknown) => Promise<ActionResult> }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signingIn = useAction();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // On success the action redirects; a result only comes back when signing in failed.
    signingIn.run(() => props.action({ email, password, next: props.next }));
  }

  const errors = signingIn.fieldErrors;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-medium">
          Email
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5"
          aria-invalid={Boolean(errors.email)}
        />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-medium">
          Password
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5"
          aria-invalid={Boolean(errors.password)}
        />
      </div>
      <ActionMessage result={signingIn.result} field="password" alert className="min-h-5 text-sm" />
      <button
        type="submit"
        disabled={signingIn.pending}
        className="w-full rounded bg-sky-800 px-3 py-2 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
      >
        {signingIn.pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
