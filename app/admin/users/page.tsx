import type { Metadata } from 'next';
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

export default async function UsersPage() {
  const me = await requirePageUser('user.manage');
  const users = await listUsers();
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Users</h1>

      <section aria-labelledby="new-user" className="mt-4 rounded border border-slate-200 bg-white p-4">
        <h2 id="new-user" className="text-sm font-semibold">
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
        <div className="mt-4 overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="px-3 pt-3 pb-1 text-left text-sm text-slate-700">
              {users.length} {users.length === 1 ? 'user' : 'users'}. Deactivated users cannot sign in; their
              work stays in the review.
            </caption>
            <thead className="border-b border-slate-200 text-xs text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Role
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Created
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Access</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {users.map((u) => (
                <tr key={u.id} className="align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {u.name}
                    {u.id === me.id && <span className="ml-1 text-xs font-normal text-slate-600">(you)</span>}
                  </th>
                  <td className="px-3 py-2 break-all text-slate-700">{u.email}</td>
                  <td className="px-3 py-2">
                    <UserRoleForm userId={u.id} userName={u.name} role={u.role} action={changeRoleAction} />
                  </td>
                  <td className="px-3 py-2">
                    {u.deactivatedAt ? (
                      <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">
                        Deactivated
                      </span>
                    ) : (
                      <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-900">
                        Active
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                    <time dateTime={u.createdAt.toISOString()}>{u.createdAt.toISOString().slice(0, 10)}</time>
                  </td>
                  <td className="px-3 py-2">
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
