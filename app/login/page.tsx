import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { PageTitle } from '@/components/ui/heading';
import { getSessionUser } from '@/lib/auth/guard';
import { safeNextPath } from '@/lib/http/safe-next-path';
import { signInAction } from './sign-in-action';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <div className="mx-auto mt-6 max-w-sm rounded border border-slate-200 bg-white p-6 sm:mt-12">
      <PageTitle>Sign in</PageTitle>
      <p className="mt-1 mb-4 text-sm text-slate-700">Use the account an admin made for you.</p>
      <SignInForm next={next} action={signInAction} />
    </div>
  );
}
