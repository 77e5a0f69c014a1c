'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Field, Input } from './ui/field';
import { useAction } from './use-action';

/** An invitee makes their account: the address is the invitation's, so only a name and a password are asked. */
export function InvitationSignUpForm(props: {
  token: string;
  email: string;
  passwordHint: string;
  action: (input: unknown) => Promise<ActionResult>;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const signingUp = useAction();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // On success the action signs them in and moves on; a result only comes back when something failed.
    signingUp.run(() => props.action({ token: props.token, name, password }));
  }

  const errors = signingUp.fieldErrors;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Email">
        {(control) => (
          <Input {...control} type="email" value={props.email} readOnly autoComplete="username" />
        )}
      </Field>
      <Field label="Your name" error={errors.name}>
        {(control) => (
          <Input {...control} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label="Choose a password" hint={props.passwordHint} error={errors.password}>
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <ActionMessage
        result={signingUp.result}
        shown={['name', 'password']}
        alert
        className="min-h-5 text-sm"
      />
      <Button type="submit" variant="primary" disabled={signingUp.pending} className="w-full">
        {signingUp.pending ? 'Joining…' : 'Create account and join'}
      </Button>
    </form>
  );
}
