'use client';

import { type ReactNode, useId, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import type { ProjectRole } from '@/lib/projects/project-access';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Select } from './ui/field';
import { useAction } from './use-action';

export function ProjectMemberRoleForm(props: {
  projectId: string;
  /** The project roles as options, rendered on the server (components/project-role-options.tsx). */
  roleOptions: ReactNode;
  userId: string;
  userName: string;
  role: ProjectRole;
  action: (input: unknown) => Promise<ActionResult<{ role: ProjectRole }>>;
}) {
  const id = useId();
  const [role, setRole] = useState<ProjectRole>(props.role);
  const saving = useAction<{ role: ProjectRole }>();

  function save(event: React.FormEvent) {
    event.preventDefault();
    // After a refusal (the last lead) the chosen role stays selected, so the lead sees what they asked for.
    saving.run(() => props.action({ projectId: props.projectId, userId: props.userId, role }));
  }

  return (
    <form onSubmit={save}>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          Project role of {props.userName}
        </label>
        <Select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.target.value as ProjectRole)}
          aria-describedby={`${id}-status`}
          className="w-auto"
        >
          {props.roleOptions}
        </Select>
        <Button type="submit" variant="primary" size="sm" disabled={saving.pending}>
          {saving.pending ? 'Saving…' : 'Save'}
          <span className="sr-only"> project role of {props.userName}</span>
        </Button>
      </div>
      <ActionMessage id={`${id}-status`} result={saving.result} className="max-w-64 text-xs" />
    </form>
  );
}
