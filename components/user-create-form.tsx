'use client';

import { useId, useState } from 'react';
import { ROLE_LABEL, ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { useAction } from './use-action';

type Values = { name: string; email: string; role: Role; password: string };
const EMPTY: Values = { name: '', email: '', role: 'VIEWER', password: '' };

const INPUT =
  'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-rose-600';

export function UserCreateForm(props: { action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const id = useId();
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
  const fieldError = (field: keyof Values) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-xs text-rose-800">
        {errors[field]}
      </p>
    ) : null;
  const described = (field: keyof Values, help?: string) =>
    [help, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_1fr_auto]"
    >
      <div>
        <label htmlFor={`${id}-name`} className="block text-xs font-medium text-slate-700">
          Name
        </label>
        <input
          id={`${id}-name`}
          autoComplete="off"
          value={values.name}
          onChange={set('name')}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={described('name')}
          className={INPUT}
        />
        {fieldError('name')}
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="block text-xs font-medium text-slate-700">
          Email
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={set('email')}
          aria-invalid={Boolean(errors.email)}
          aria-describedby={described('email')}
          className={INPUT}
        />
        {fieldError('email')}
      </div>
      <div>
        <label htmlFor={`${id}-role`} className="block text-xs font-medium text-slate-700">
          Role
        </label>
        <select
          id={`${id}-role`}
          value={values.role}
          onChange={set('role')}
          aria-invalid={Boolean(errors.role)}
          aria-describedby={described('role')}
          className={INPUT}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        {fieldError('role')}
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-xs font-medium text-slate-700">
          Initial password
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          aria-invalid={Boolean(errors.password)}
          aria-describedby={described('password', `${id}-password-help`)}
          className={INPUT}
        />
        <p id={`${id}-password-help`} className="mt-1 text-xs text-slate-600">
          8 to 128 characters. Share it with them privately.
        </p>
        {fieldError('password')}
      </div>
      <div className="self-start sm:pt-5">
        <button
          type="submit"
          disabled={creating.pending}
          className="rounded bg-sky-800 px-3 py-1 text-sm font-medium text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60"
        >
          {creating.pending ? 'Creating…' : 'Create user'}
        </button>
      </div>
      <ActionMessage result={summarised(creating.result)} className="text-xs sm:col-span-2 lg:col-span-5" />
    </form>
  );
}

// A message already shown beside its field is summarised here rather than repeated.
function summarised<T>(result: ActionResult<T> | null): ActionResult<T> | null {
  if (!result || result.ok || !Object.values(result.fieldErrors ?? {}).includes(result.message))
    return result;
  return { ...result, message: 'The user was not created: check the fields marked.' };
}
