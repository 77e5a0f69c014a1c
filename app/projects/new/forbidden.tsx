import { RoleNotAllowed } from '@/components/role-not-allowed';
import { getSessionUser } from '@/lib/auth/guard';

// Names the permission that page.tsx asks requirePageUser for.
export default async function NewProjectForbidden() {
  const user = await getSessionUser();
  return <RoleNotAllowed role={user?.role ?? null} permission="project.create" />;
}
