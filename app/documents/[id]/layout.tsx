import type { ReactNode } from 'react';
import { requireProjectPageUser } from '@/lib/auth/require-page-user';

/**
 * Membership is checked here, above the pages' loading state: once the page has begun to stream, "not found"
 * could no longer be a 404 status. The pages ask again for the access they need, answered from the same check.
 */
export default async function DocumentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requireProjectPageUser('document.read', { documentId: (await params).id });
  return children;
}
