'use client';

import { useId, useState } from 'react';
import { ROLE_LABEL, ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Select } from './ui/field';
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
        <Select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          aria-describedby={`${id}-status`}
          className="w-auto"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="primary" size="sm" disabled={saving.pending}>
          {saving.pending ? 'Saving…' : 'Save'}
          <span className="sr-only"> role of {props.userName}</span>
        </Button>
      </div>
      <ActionMessage id={`${id}-status`} result={saving.result} className="max-w-64 text-xs" />
    </form>
  );
}
