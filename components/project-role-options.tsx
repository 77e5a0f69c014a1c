import { PROJECT_ROLE_LABEL, PROJECT_ROLES } from '@/lib/projects/project-access';

/** The project roles as a select's options, lowest first, so a slip of the keyboard never makes a lead. */
export function ProjectRoleOptions() {
  return [...PROJECT_ROLES].reverse().map((r) => (
    <option key={r} value={r}>
      {PROJECT_ROLE_LABEL[r]}
    </option>
  ));
}
