import type { Metadata } from 'next';
import Link from 'next/link';
import { ProjectSettingsForm } from '@/components/project-settings-form';
import { PageTitle } from '@/components/ui/heading';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';
import { loadProjectSettings } from '@/lib/projects/load-project-settings';
import { PROJECT_ROLE_LABEL } from '@/lib/projects/project-access';
import { setBlindByDefaultAction } from './set-blind-by-default-action';
import { setMayAdjudicateAction } from './set-may-adjudicate-action';
import { setReviewersRequiredAction } from './set-reviewers-required-action';
import { updateProjectDetailsAction } from './update-project-details-action';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Project settings' };

const ACTIONS = {
  details: updateProjectDetailsAction,
  reviewersRequired: setReviewersRequiredAction,
  blindByDefault: setBlindByDefaultAction,
  mayAdjudicate: setMayAdjudicateAction,
};

export default async function ProjectSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A non-member gets "not found"; a member who is not a lead the forbidden page beside this one.
  const { access } = await requireProjectPageUser('project.manage', { projectId: id });
  const settings = await loadProjectSettings({ projectId: access.projectId });
  return (
    <>
      <p className="text-sm">
        <Link href="/" className="text-sky-800 underline underline-offset-2">
          Documents
        </Link>
        <span className="text-slate-600"> / {settings.project.name}</span>
      </p>
      <PageTitle>Project settings</PageTitle>
      <ProjectSettingsForm
        project={settings.project}
        members={settings.members.map((m) => ({ ...m, roleLabel: PROJECT_ROLE_LABEL[m.role] }))}
        actions={ACTIONS}
      />
    </>
  );
}
