import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { PART_TITLE, PageTitle } from '@/components/ui/heading';
import { UserActiveButton } from '@/components/user-active-button';
import { UserCreateForm } from '@/components/user-create-form';
import { UserRoleForm } from '@/components/user-role-form';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listUsers } from '@/lib/users/list-users';
import { changeRoleAction } from './change-role-action';
import { createUserAction } from './create-user-action';
import { setUserActiveAction } from './set-user-active-action';

export const metadata: Metadata = { title: 'Users' };
export const dynamic = 'force-dynamic';

const COLUMNS = ['Name', 'Email', 'Role', 'Status', 'Created'];
// Below the `cards` width each user is a card: name and email on top, then the role, status and actions.
const CELL = 'px-3 py-2 cards:block cards:p-0';

export default async function UsersPage() {
  const me = await requirePageUser('user.manage');
  const users = await listUsers();
  return (
    <>
      <PageTitle>Users</PageTitle>

      <section aria-labelledby="new-user" className="mt-4 rounded border border-slate-200 bg-white p-4">
        <h2 id="new-user" className={PART_TITLE}>
          New user
        </h2>
        <div className="mt-2">
          <UserCreateForm action={createUserAction} />
        </div>
      </section>

      {users.length === 0 ? (
        <p className="mt-4 rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          No users yet. People you create above appear here.
        </p>
      ) : (
        <div className="mt-4 rounded border border-slate-200 bg-white cards:border-0 cards:bg-transparent">
          <table className="w-full text-left text-sm cards:block">
            <caption className="px-3 pt-3 pb-1 text-left text-sm text-slate-700 cards:block cards:px-0">
              {users.length} {users.length === 1 ? 'user' : 'users'}. Deactivated users cannot sign in; their
              work stays in the review.
            </caption>
            <thead className="border-b border-slate-200 text-xs text-slate-700 cards:sr-only">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 font-medium">
                    {column}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Access</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 cards:block cards:space-y-2 cards:divide-y-0">
              {users.map((u) => (
                <tr
                  key={u.id}
                  className="align-top cards:flex cards:flex-wrap cards:items-start cards:gap-x-4 cards:gap-y-2 cards:rounded cards:border cards:border-slate-200 cards:bg-white cards:p-3"
                >
                  <th scope="row" className={`${CELL} cards:basis-full font-medium`}>
                    {u.name}
                    {u.id === me.id && <span className="ml-1 text-xs font-normal text-slate-600">(you)</span>}
                  </th>
                  <td className={`${CELL} break-all text-slate-700 cards:-mt-2 cards:basis-full`}>
                    {u.email}
                  </td>
                  <td className={CELL}>
                    <UserRoleForm userId={u.id} userName={u.name} role={u.role} action={changeRoleAction} />
                  </td>
                  <td className={`${CELL} cards:self-center`}>
                    {u.deactivatedAt ? <Badge>Deactivated</Badge> : <Badge tone="positive">Active</Badge>}
                  </td>
                  <td className={`${CELL} whitespace-nowrap text-slate-700 cards:self-center`}>
                    <span aria-hidden="true" className="hidden cards:inline">
                      Created{' '}
                    </span>
                    <time dateTime={u.createdAt.toISOString()}>{u.createdAt.toISOString().slice(0, 10)}</time>
                  </td>
                  <td className={CELL}>
                    <UserActiveButton
                      userId={u.id}
                      userName={u.name}
                      active={!u.deactivatedAt}
                      action={setUserActiveAction}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
