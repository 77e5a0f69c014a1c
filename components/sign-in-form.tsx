'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Field, Input } from './ui/field';
import { useAction } from './use-action';

export function SignInForm(props: { next: string; action: (input: unknown) => Promise<ActionResult> }) {
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
      {/* A failure is said once, in the alert under the fields; the fields are only marked invalid. */}
      <Field label="Email">
        {(control) => (
          <Input
            {...control}
            aria-invalid={Boolean(errors.email) || undefined}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field label="Password">
        {(control) => (
          <Input
            {...control}
            aria-invalid={Boolean(errors.password) || undefined}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <ActionMessage result={signingIn.result} field="password" alert className="min-h-5 text-sm" />
      <Button type="submit" variant="primary" disabled={signingIn.pending} className="w-full">
        {signingIn.pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
