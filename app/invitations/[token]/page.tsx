import type { Metadata } from 'next';
import { InvitationAcceptButton } from '@/components/invitation-accept-button';
import { InvitationSignUpForm } from '@/components/invitation-sign-up-form';
import { PageTitle } from '@/components/ui/heading';
import { getSessionUser } from '@/lib/auth/guard';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { invitationPath } from '@/lib/invitations/invitation-token';
import { loadInvitation } from '@/lib/invitations/load-invitation';
import { CLOSED_INVITATION } from '@/lib/invitations/pending-invitation';
import { PROJECT_ROLE_LABEL } from '@/lib/projects/project-access';
import { acceptInvitationAction } from './accept-invitation-action';
import { signUpThroughInvitationAction } from './sign-up-action';

export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

const LINK = 'font-medium text-sky-800 underline';

// Public: the person who opens the link may have no account yet. The token is the credential (lib/invitations).
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([loadInvitation(token), getSessionUser()]);

  if (invitation.state !== 'pending') {
    const { title, message } = CLOSED_INVITATION[invitation.state];
    return (
      <Panel title={title}>
        <p className="mt-2 text-sm text-slate-700">{message}</p>
        <a href={user ? '/' : '/login'} className={`mt-4 inline-block text-sm ${LINK}`}>
          {user ? 'Back to the dashboard' : 'Sign in'}
        </a>
      </Panel>
    );
  }

  const role = PROJECT_ROLE_LABEL[invitation.role].toLowerCase();
  const intro = (
    <p className="mt-1 mb-4 text-sm text-slate-700">
      {invitation.inviterName} invites {invitation.email} to the review project{' '}
      <strong className="font-semibold">{invitation.projectName}</strong> as a {role}. The invitation lasts
      until{' '}
      <time dateTime={invitation.expiresAt.toISOString()}>
        {invitation.expiresAt.toISOString().slice(0, 10)}
      </time>
      .
    </p>
  );
  const signInHere = `/login?next=${encodeURIComponent(invitationPath(token))}`;

  if (user && user.email !== invitation.email) {
    return (
      <Panel title="This invitation is for someone else">
        {intro}
        <p className="text-sm text-slate-700">
          You are signed in as {user.email}. Sign out, then open the link again and sign in or sign up as{' '}
          {invitation.email}.
        </p>
      </Panel>
    );
  }
  if (user) {
    return (
      <Panel title={`Join ${invitation.projectName}`}>
        {intro}
        <InvitationAcceptButton token={token} action={acceptInvitationAction} />
      </Panel>
    );
  }
  if (invitation.accountExists) {
    return (
      <Panel title={`Join ${invitation.projectName}`}>
        {intro}
        <p className="text-sm text-slate-700">
          There is an account with {invitation.email} already.{' '}
          <a href={signInHere} className={LINK}>
            Sign in
          </a>{' '}
          to accept the invitation.
        </p>
      </Panel>
    );
  }
  return (
    <Panel title={`Join ${invitation.projectName}`}>
      {intro}
      <InvitationSignUpForm
        token={token}
        email={invitation.email}
        passwordHint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`}
        action={signUpThroughInvitationAction}
      />
      <p className="mt-4 text-sm text-slate-700">
        Have an account with this address?{' '}
        <a href={signInHere} className={LINK}>
          Sign in
        </a>
        .
      </p>
    </Panel>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto mt-6 max-w-md rounded border border-slate-200 bg-white p-6 sm:mt-12">
      <PageTitle>{title}</PageTitle>
      {children}
    </div>
  );
}
