'use client';

import { useState } from 'react';
import { ROLE_LABEL, ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Field, Input, Select } from './ui/field';
import { useAction } from './use-action';

type Values = { name: string; email: string; role: Role; password: string };
const EMPTY: Values = { name: '', email: '', role: 'VIEWER', password: '' };

export function UserCreateForm(props: { action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const [values, setValues] = useState<Values>(EMPTY);
  const creating = useAction<{ id: string }>();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // Only a created user clears the form; after a failure everything typed stays.
    creating.run(() => props.action(values), { onSuccess: () => setValues(EMPTY) });
  }

  const set = (field: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const errors = creating.fieldErrors;

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_1fr_auto]"
    >
      <Field label="Name" error={errors.name}>
        {(control) => <Input {...control} autoComplete="off" value={values.name} onChange={set('name')} />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(control) => (
          <Input {...control} type="email" autoComplete="off" value={values.email} onChange={set('email')} />
        )}
      </Field>
      <Field label="Role" error={errors.role}>
        {(control) => (
          <Select {...control} value={values.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Initial password"
        hint="8 to 128 characters. Share it with them privately."
        error={errors.password}
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
          />
        )}
      </Field>
      <div className="self-start sm:pt-6">
        <Button type="submit" variant="primary" disabled={creating.pending}>
          {creating.pending ? 'Creating…' : 'Create user'}
        </Button>
      </div>
      <ActionMessage result={summarised(creating.result)} className="text-sm sm:col-span-2 lg:col-span-5" />
    </form>
  );
}

// A message already shown beside its field is summarised here rather than repeated.
function summarised<T>(result: ActionResult<T> | null): ActionResult<T> | null {
  if (!result || result.ok || !Object.values(result.fieldErrors ?? {}).includes(result.message))
    return result;
  return { ...result, message: 'The user was not created: check the fields marked.' };
}
