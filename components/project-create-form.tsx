'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Field, Input, Textarea } from './ui/field';
import { useAction } from './use-action';

type Values = { name: string; description: string };

export function ProjectCreateForm(props: {
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const [values, setValues] = useState<Values>({ name: '', description: '' });
  const creating = useAction<{ id: string }>();
  const router = useRouter();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // After a failure everything typed stays; a made project opens at once.
    creating.run(() => props.action(values), {
      onSuccess: (data) => router.push(`/projects/${data.id}`),
    });
  }

  const set = (field: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  return (
    <form onSubmit={submit} noValidate className="grid gap-3">
      <Field label="Name" error={creating.fieldErrors.name}>
        {(control) => <Input {...control} autoComplete="off" value={values.name} onChange={set('name')} />}
      </Field>
      <Field
        label="Description"
        hint="Optional: what the team reviews, and why."
        error={creating.fieldErrors.description}
      >
        {(control) => (
          <Textarea {...control} rows={3} value={values.description} onChange={set('description')} />
        )}
      </Field>
      <div>
        <Button type="submit" variant="primary" disabled={creating.pending}>
          {creating.pending ? 'Creating…' : 'Create project'}
        </Button>
      </div>
      <ActionMessage result={creating.result} className="text-sm" />
    </form>
  );
}
