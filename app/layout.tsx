import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { getSessionUser } from '@/lib/auth/guard';
import { can, ROLE_LABEL } from '@/lib/auth/permissions';
import { listImportProjects } from '@/lib/projects/list-import-projects';
import { signOutAction } from './sign-out-action';
import './globals.css';

// The header's links are plain links: next/link would add its script and prefetching to every page, and the
// pages are all rendered on request anyway. A header link is a 44 px target on a touch screen; with a mouse
// it keeps the line's height.
const NAV_TARGET = 'inline-flex items-center pointer-coarse:min-h-11 pointer-coarse:min-w-11';

export const metadata: Metadata = {
  title: { default: 'Evidence review', template: '%s · Evidence review' },
  description: 'Review the claims in health articles against the evidence.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const mayImport = user ? (await listImportProjects(user.id)).length > 0 : false;
  return (
    <html lang="en">
      {/* A page that works best with the whole width (the review workspace) marks itself data-wide. */}
      <body className="group/body min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white print:hidden">
          {/*
            On a phone the links take a second row under the name and "Sign out", so nothing is pushed off the
            edge; from `sm` up it is one row.
          */}
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm sm:gap-x-6 group-has-[[data-wide]]/body:max-w-[100rem]"
          >
            <a href="/" className={`shrink-0 font-semibold tracking-tight text-slate-900 ${NAV_TARGET}`}>
              Evidence review
            </a>
            {user && (
              <>
                <ul className="order-last flex w-full gap-x-4 sm:order-none sm:w-auto sm:gap-x-6">
                  <li>
                    <a href="/" className={`text-slate-700 hover:text-slate-900 ${NAV_TARGET}`}>
                      Projects
                    </a>
                  </li>
                  {mayImport && (
                    <li>
                      <a
                        href="/documents/new"
                        className={`text-slate-700 hover:text-slate-900 ${NAV_TARGET}`}
                      >
                        Import
                      </a>
                    </li>
                  )}
                  {can(user.role, 'user.manage') && (
                    <li>
                      <a href="/admin/users" className={`text-slate-700 hover:text-slate-900 ${NAV_TARGET}`}>
                        Users
                      </a>
                    </li>
                  )}
                  {can(user.role, 'project.create') && (
                    <li>
                      <a href="/projects/new" className={`text-slate-700 hover:text-slate-900 ${NAV_TARGET}`}>
                        New project
                      </a>
                    </li>
                  )}
                </ul>
                {/* It grows from nothing, so on a phone it shares the first row with the title, the name shortening. */}
                <div className="flex min-w-0 flex-1 basis-0 items-center justify-end gap-3">
                  <span className="min-w-0 truncate text-slate-700">
                    {user.name}{' '}
                    <span className="hidden text-xs text-slate-600 sm:inline">({ROLE_LABEL[user.role]})</span>
                  </span>
                  <form action={signOutAction} className="shrink-0">
                    <Button type="submit" size="sm">
                      Sign out
                    </Button>
                  </form>
                </div>
              </>
            )}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 group-has-[[data-wide]]/body:max-w-[100rem]">
          {children}
        </main>
      </body>
    </html>
  );
}
