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

/** Adds someone who already has an account, by their email address. */
export function ProjectMemberAddForm(props: {
  projectId: string;
  /** The project roles as options, rendered on the server (components/project-role-options.tsx). */
  roleOptions: ReactNode;
  action: (input: unknown) => Promise<ActionResult>;
}) {
  const [values, setValues] = useState<Values>(EMPTY);
  const adding = useAction();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    adding.run(() => props.action({ projectId: props.projectId, ...values }), {
      onSuccess: () => setValues(EMPTY),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto]">
      <Field
        label="Email address"
        hint="Someone who has an account already."
        error={adding.fieldErrors.email}
      >
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
      <Field label="Project role" error={adding.fieldErrors.role}>
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
        <Button type="submit" variant="primary" disabled={adding.pending}>
          {adding.pending ? 'Adding…' : 'Add member'}
        </Button>
      </div>
      <ActionMessage result={adding.result} shown={['email', 'role']} className="text-sm sm:col-span-3" />
    </form>
  );
}
