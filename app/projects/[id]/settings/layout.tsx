import type { ReactNode } from 'react';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';

/**
 * The lead's check, above the page's loading state, so a non-member gets a real 404 status and another member a
 * real 403 (as the members page does); the page asks again and is answered from the same check.
 */
export default async function ProjectSettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requireProjectPageUser('project.manage', { projectId: (await params).id });
  return children;
}
