import Link from 'next/link';
import {
  PERMISSION_ACTIVITY,
  type Permission,
  ROLE_LABEL,
  type Role,
  rolesWith,
} from '@/lib/auth/permissions';

/**
 * A page the reader's role may not use (403): it names their role, what the page needs and who has it, so the
 * reader knows whom to ask, where "not found" would have them check the link.
 */
export function RoleNotAllowed({ role, permission }: { role: Role | null; permission: Permission }) {
  const mine = role ? ` (${ROLE_LABEL[role].toLowerCase()})` : '';
  const holders = rolesWith(permission)
    .map((r) => `${ROLE_LABEL[r].toLowerCase()}s`)
    .join(' and ');
  const activity = PERMISSION_ACTIVITY[permission];
  // One string, so the sentence reaches the page (and a search of it) as one piece of text.
  const sentence = `Your role${mine} does not allow ${activity}; ${holders} may. Ask an admin if you need it.`;
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not allowed for your role</h1>
      <p className="mt-2 text-sm text-slate-700">{sentence}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
        Back to your projects
      </Link>
    </div>
  );
}
