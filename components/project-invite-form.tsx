'use client';

import { type ReactNode, useId, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import type { ProjectRole } from '@/lib/projects/project-access';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Field, Input, Select } from './ui/field';
import { useAction } from './use-action';

type Values = { email: string; role: ProjectRole };
type Made = { email: string; link: string };
const EMPTY: Values = { email: '', role: 'REVIEWER' };

/**
 * Invites an address, and shows the new link once, to copy: the server keeps only its hash. No mail server is
 * assumed, so the link is the invitation; a mail, when one is sent, is a convenience.
 */
export function ProjectInviteForm(props: {
  projectId: string;
  /** The project roles as options, rendered on the server (components/project-role-options.tsx). */
  roleOptions: ReactNode;
  /** How long a link lasts, said beside it. */
  days: number;
  action: (input: unknown) => Promise<ActionResult<Made>>;
}) {
  const [values, setValues] = useState<Values>(EMPTY);
  const inviting = useAction<Made>();
  const made = inviting.result?.ok ? inviting.result.data : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    inviting.run(() => props.action({ projectId: props.projectId, ...values }), {
      onSuccess: () => setValues(EMPTY),
    });
  }

  return (
    <div>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto]">
        <Field label="Email address to invite" error={inviting.fieldErrors.email}>
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
        <Field label="Project role" error={inviting.fieldErrors.role}>
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
          <Button type="submit" variant="primary" disabled={inviting.pending}>
            {inviting.pending ? 'Inviting…' : 'Invite'}
          </Button>
        </div>
        <ActionMessage result={inviting.result} shown={['email', 'role']} className="text-sm sm:col-span-3" />
      </form>
      {made && <InvitationLink key={made.link} {...made} days={props.days} />}
    </div>
  );
}

function InvitationLink({ email, link, days }: Made & { days: number }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard (a page over plain http, or a browser that refuses): the link is selected for Ctrl+C.
      field.current?.select();
      setCopied('select');
    }
  }

  return (
    <div className="mt-3 rounded border border-sky-200 bg-sky-50 p-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Invitation link for {email}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          ref={field}
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-status`}
          className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-xs text-slate-900"
        />
        <Button onClick={copy}>Copy link</Button>
      </div>
      <p id={`${id}-status`} aria-live="polite" className="mt-1 text-xs text-slate-700">
        {copied === 'yes'
          ? 'Copied. Paste it into a message to them.'
          : copied === 'select'
            ? 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.'
            : `Shown only now. It works once, for ${days} days.`}
      </p>
    </div>
  );
}
