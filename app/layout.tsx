import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/auth/guard';
import { can, ROLE_LABEL } from '@/lib/auth/permissions';
import { signOutAction } from './sign-out-action';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Evidence review', template: '%s · Evidence review' },
  description: 'Review the claims in health articles against the evidence.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white print:hidden">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-2 text-sm">
            <Link href="/" className="font-semibold tracking-tight text-slate-900">
              Evidence review
            </Link>
            {user && (
              <>
                <Link href="/" className="text-slate-700 hover:text-slate-900">
                  Documents
                </Link>
                {can(user.role, 'document.import') && (
                  <Link href="/documents/new" className="text-slate-700 hover:text-slate-900">
                    Import
                  </Link>
                )}
                {can(user.role, 'user.manage') && (
                  <Link href="/admin/users" className="text-slate-700 hover:text-slate-900">
                    Users
                  </Link>
                )}
                <span className="ml-auto text-slate-700">
                  {user.name} <span className="text-xs text-slate-600">({ROLE_LABEL[user.role]})</span>
                </span>
                <form action={signOutAction}>
                  <button
                    type="submit"
                    className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                  >
                    Sign out
                  </button>
                </form>
              </>
            )}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
