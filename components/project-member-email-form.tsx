'use client';

import { type ReactNode, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import type { ProjectRole } from '@/lib/projects/project-access';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Field, Input, Select } from './ui/field';
import { useAction } from './use-action';

type Values = { email: string; role: ProjectRole };
const EMPTY: Values = { email: '', role: 'REVIEWER' };

/**
 * An email address and a project role, sent for the project: adding someone who has an account and inviting
 * someone who has none ask the same two things, and only the words and what follows a success differ.
 */
export function ProjectMemberEmailForm<T>(props: {
  projectId: string;
  /** The project roles as options, rendered on the server (components/project-role-options.tsx). */
  roleOptions: ReactNode;
  action: (input: unknown) => Promise<ActionResult<T>>;
  emailLabel: string;
  emailHint?: string;
  submit: { label: string; pending: string };
  /** Shown under the form after a success, until the next call. */
  made?: (data: T) => ReactNode;
}) {
  const [values, setValues] = useState<Values>(EMPTY);
  const sending = useAction<T>();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    sending.run(() => props.action({ projectId: props.projectId, ...values }), {
      onSuccess: () => setValues(EMPTY),
    });
  }

  return (
    <>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto]">
        <Field label={props.emailLabel} hint={props.emailHint} error={sending.fieldErrors.email}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
            />
          )}
        </Field>
        <Field label="Project role" error={sending.fieldErrors.role}>
          {(control) => (
            <Select
              {...control}
              value={values.role}
              onChange={(e) => setValues((v) => ({ ...v, role: e.target.value as ProjectRole }))}
            >
              {props.roleOptions}
            </Select>
          )}
        </Field>
        <div className="self-start sm:pt-6">
          <Button type="submit" variant="primary" disabled={sending.pending}>
            {sending.pending ? props.submit.pending : props.submit.label}
          </Button>
        </div>
        <ActionMessage result={sending.result} shown={['email', 'role']} className="text-sm sm:col-span-3" />
      </form>
      {sending.result?.ok && props.made?.(sending.result.data)}
    </>
  );
}
