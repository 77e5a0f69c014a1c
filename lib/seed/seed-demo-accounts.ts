import crypto from 'node:crypto';
import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { addProjectMember } from '@/lib/projects/add-project-member';
import type { ProjectRole } from '@/lib/projects/project-access';
import { createUser } from '@/lib/users/create-user';
import { SAMPLE_PROJECT_NAME, SANDBOX_PROJECT_NAME } from './seed-sample-data';

type Demo = { name: string; email: string; role: Role; projects: Partial<Record<string, ProjectRole>> };

// Everyone is in the sample project. Rob leads the Sandbox, where Vic views; Rita is not in it, so signing in as
// her shows that a non-member does not see a project at all, and Ada sees it only in the admin view.
const DEMO: Demo[] = [
  {
    name: 'Ada Admin',
    email: 'admin@example.org',
    role: 'ADMIN',
    projects: { [SAMPLE_PROJECT_NAME]: 'LEAD' },
  },
  {
    name: 'Rita Reviewer',
    email: 'reviewer1@example.org',
    role: 'REVIEWER',
    projects: { [SAMPLE_PROJECT_NAME]: 'REVIEWER' },
  },
  {
    name: 'Rob Reviewer',
    email: 'reviewer2@example.org',
    role: 'REVIEWER',
    projects: { [SAMPLE_PROJECT_NAME]: 'REVIEWER', [SANDBOX_PROJECT_NAME]: 'LEAD' },
  },
  {
    name: 'Vic Viewer',
    email: 'viewer@example.org',
    role: 'VIEWER',
    projects: { [SAMPLE_PROJECT_NAME]: 'VIEWER', [SANDBOX_PROJECT_NAME]: 'VIEWER' },
  },
];

/**
 * On a database with no users, creates one demo account per role with a random password, and returns the
 * credentials so the start-up output can show them once. Passwords are stored only as hashes, so they cannot
 * be shown again: that is what makes "once" true.
 */
export async function seedDemoAccounts(): Promise<Array<{ email: string; role: Role; password: string }>> {
  if ((await prisma.user.count()) > 0) return [];
  const created: Array<{ email: string; role: Role; password: string }> = [];
  for (const { projects, ...account } of DEMO) {
    const password = crypto.randomBytes(9).toString('base64url');
    try {
      const user = await createUser({ ...account, password, actorId: null });
      for (const [name, role] of Object.entries(projects)) {
        const project = await prisma.project.findUnique({ where: { name }, select: { id: true } });
        if (project && role)
          await addProjectMember({ projectId: project.id, userId: user.id, role, actorId: null });
      }
    } catch (e) {
      // Another instance starting at the same moment made this account first; its output shows the password.
      if (e instanceof AppError && e.code === 'CONFLICT') continue;
      throw e;
    }
    created.push({ email: account.email, role: account.role, password });
  }
  return created;
}
