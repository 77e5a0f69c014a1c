'use client';

import { useId, useState } from 'react';
import { ROLE_LABEL, ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { useAction } from './use-action';

export function UserRoleForm(props: {
  userId: string;
  userName: string;
  role: Role;
  action: (input: unknown) => Promise<ActionResult<{ role: Role }>>;
}) {
  const id = useId();
  const [role, setRole] = useState<Role>(props.role);
  const saving = useAction<{ role: Role }>();

  function save(event: React.FormEvent) {
    event.preventDefault();
    // After a refusal the chosen role stays selected, so the admin sees what they asked for.
    saving.run(() => props.action({ userId: props.userId, role }));
  }

  return (
    <form onSubmit={save}>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          Role of {props.userName}
        </label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          aria-describedby={`${id}-status`}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={saving.pending}
          className="rounded bg-sky-800 px-2 py-1 text-sm font-medium text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60"
        >
          {saving.pending ? 'Saving…' : 'Save'}
          <span className="sr-only"> role of {props.userName}</span>
        </button>
      </div>
      <ActionMessage id={`${id}-status`} result={saving.result} className="max-w-64 text-xs" />
    </form>
  );
}
