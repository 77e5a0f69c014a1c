import type { ReactNode } from 'react';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';

/**
 * Membership is checked here, above the page's loading state, as for a document's pages: once the page has begun
 * to stream, "not found" could no longer be a 404 status. The page asks again, answered from the same check.
 */
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requireProjectPageUser('document.read', { projectId: (await params).id });
  return children;
}
