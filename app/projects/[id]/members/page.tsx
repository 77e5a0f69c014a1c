import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ConfirmButton } from '@/components/confirm-button';
import { ProjectInviteForm } from '@/components/project-invite-form';
import { ProjectMemberEmailForm } from '@/components/project-member-email-form';
import { ProjectMemberRoleForm } from '@/components/project-member-role-form';
import { ProjectRoleOptions } from '@/components/project-role-options';
import { Badge } from '@/components/ui/badge';
import { PART_TITLE, PageTitle } from '@/components/ui/heading';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { INVITATION_DAYS } from '@/lib/invitations/invitation-token';
import { listPendingInvitations } from '@/lib/invitations/list-pending-invitations';
import { listProjectMembers } from '@/lib/projects/list-project-members';
import { PROJECT_ROLE_LABEL } from '@/lib/projects/project-access';
import { addMemberAction } from './add-member-action';
import { changeMemberRoleAction } from './change-member-role-action';
import { inviteMemberAction } from './invite-member-action';
import { removeMemberAction } from './remove-member-action';
import { revokeInvitationAction } from './revoke-invitation-action';

export const metadata: Metadata = { title: 'Members' };
export const dynamic = 'force-dynamic';

const SECTION = 'mt-4 rounded border border-slate-200 bg-white p-4';
const CELL = 'px-3 py-2 align-top';
const day = (date: Date) => <time dateTime={date.toISOString()}>{date.toISOString().slice(0, 10)}</time>;

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, access } = await requireProjectPageUser('project.manage', { projectId: id });
  const projectId = access.projectId;
  const [members, invitations] = await Promise.all([
    listProjectMembers(projectId),
    listPendingInvitations(projectId),
  ]);
  return (
    <>
      <PageTitle>Members of {access.projectName}</PageTitle>
      <p className="mt-1 text-sm text-slate-700">
        {access.adminView
          ? 'Admin view: you are not a member of this project, and manage it as an instance admin.'
          : 'Who may see this project, and what each member may do in it. Changes apply at once.'}
      </p>

      <section aria-labelledby="add-member" className={SECTION}>
        <h2 id="add-member" className={PART_TITLE}>
          Add a member
        </h2>
        <div className="mt-2">
          <ProjectMemberEmailForm
            projectId={projectId}
            roleOptions={<ProjectRoleOptions />}
            action={addMemberAction}
            emailLabel="Email address"
            emailHint="Someone who has an account already."
            submit={{ label: 'Add member', pending: 'Adding…' }}
          />
        </div>
      </section>

      <section aria-labelledby="invite" className={SECTION}>
        <h2 id="invite" className={PART_TITLE}>
          Invite by email
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          For someone without an account: they make one through the link, and join as the role you choose.
        </p>
        <div className="mt-2">
          <ProjectInviteForm
            projectId={projectId}
            roleOptions={<ProjectRoleOptions />}
            days={INVITATION_DAYS}
            action={inviteMemberAction}
          />
        </div>
      </section>

      <section aria-labelledby="members" className={SECTION}>
        <h2 id="members" className={PART_TITLE}>
          {members.length} {members.length === 1 ? 'member' : 'members'}
        </h2>
        <SectionTable columns={['Name', 'Email', 'Project role', 'Joined']} action="Remove">
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row" className={`${CELL} font-medium`}>
                {m.name}
                {m.userId === user.id && (
                  <span className="ml-1 text-xs font-normal text-slate-600">(you)</span>
                )}
                {m.deactivated && (
                  <span className="ml-1">
                    <Badge>Deactivated</Badge>
                  </span>
                )}
              </th>
              <td className={`${CELL} break-all text-slate-700`}>{m.email}</td>
              <td className={CELL}>
                <ProjectMemberRoleForm
                  projectId={projectId}
                  userId={m.userId}
                  userName={m.name}
                  role={m.role}
                  roleOptions={<ProjectRoleOptions />}
                  action={changeMemberRoleAction}
                />
              </td>
              <td className={`${CELL} whitespace-nowrap text-slate-700`}>{day(m.joinedAt)}</td>
              <td className={CELL}>
                <ConfirmButton
                  label="Remove"
                  subject={m.name}
                  question={`Remove ${m.name} from the project? Their verdicts and comments stay; their assignments end.`}
                  busy="Removing…"
                  run={removeMemberAction.bind(null, { projectId, userId: m.userId })}
                />
              </td>
            </tr>
          ))}
        </SectionTable>
      </section>

      <section aria-labelledby="invitations" className={SECTION}>
        <h2 id="invitations" className={PART_TITLE}>
          Pending invitations
        </h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">
            No pending invitations. Invitations you make appear here.
          </p>
        ) : (
          <SectionTable columns={['Email', 'Project role', 'Expires']} action="Revoke">
            {invitations.map((i) => (
              <tr key={i.id}>
                <th scope="row" className={`${CELL} break-all font-medium`}>
                  {i.email}
                </th>
                <td className={CELL}>{PROJECT_ROLE_LABEL[i.role]}</td>
                <td className={`${CELL} whitespace-nowrap text-slate-700`}>{day(i.expiresAt)}</td>
                <td className={CELL}>
                  <ConfirmButton
                    label="Revoke"
                    subject={`the invitation for ${i.email}`}
                    question={`Revoke the invitation for ${i.email}?`}
                    busy="Revoking…"
                    run={revokeInvitationAction.bind(null, { projectId, invitationId: i.id })}
                  />
                </td>
              </tr>
            ))}
          </SectionTable>
        )}
      </section>
    </>
  );
}

/** A section's table: a row for each, with a last column of buttons whose heading only a screen reader says. */
function SectionTable(props: { columns: string[]; action: string; children: ReactNode }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-700">
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {column}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">{props.action}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{props.children}</tbody>
      </table>
    </div>
  );
}
