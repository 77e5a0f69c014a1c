'use client';

import { type ReactNode, useId, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ProjectMemberEmailForm } from './project-member-email-form';
import { Button } from './ui/button';

type Made = { email: string; link: string };

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
  return (
    <ProjectMemberEmailForm
      projectId={props.projectId}
      roleOptions={props.roleOptions}
      action={props.action}
      emailLabel="Email address to invite"
      submit={{ label: 'Invite', pending: 'Inviting…' }}
      made={(made) => <InvitationLink key={made.link} {...made} days={props.days} />}
    />
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
