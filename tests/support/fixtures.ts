import crypto from 'node:crypto';
import { prisma } from '@/lib/db/prisma';
import { importDocument } from '@/lib/documents/import-document';
import type { ProjectRole } from '@/lib/projects/project-access';

const FIXTURE_PROJECT = 'Fixture project';
const PROJECT_ROLE_OF = { ADMIN: 'LEAD', REVIEWER: 'REVIEWER', VIEWER: 'VIEWER' } as const;

let fixtureProjectId: Promise<string> | undefined;

/**
 * The project that fixture users and documents share unless a test makes its own, so that a test about
 * something else needs no membership set-up: a fixture user is a member with the project role of their rank.
 */
export function fixtureProject(): Promise<string> {
  fixtureProjectId ??= (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const project = await prisma.project.upsert({
          where: { name: FIXTURE_PROJECT },
          create: { name: FIXTURE_PROJECT },
          update: {},
          select: { id: true },
        });
        return project.id;
      } catch (e) {
        // Another test file made it at the same moment; it is there now.
        if (attempt > 0) throw e;
      }
    }
  })();
  return fixtureProjectId;
}

/** A project of its own, for tests of isolation between projects. */
export async function createProject(options: { reviewersRequired?: number; blindByDefault?: boolean } = {}) {
  const tag = crypto.randomBytes(4).toString('hex');
  return prisma.project.create({ data: { name: `Project ${tag}`, ...options } });
}

/** Makes a user a member of a project, or changes their project role. */
export async function addMember(projectId: string, userId: string, role: ProjectRole) {
  await prisma.projectMember.upsert({
    where: { projectId_userId: { projectId, userId } },
    create: { projectId, userId, role },
    update: { role },
  });
}

/**
 * A user of the given role, created directly in the database, and a member of the fixture project (a lead if
 * an admin) unless `project: null` says they belong to none.
 */
export async function createUser(
  role: 'ADMIN' | 'REVIEWER' | 'VIEWER' = 'REVIEWER',
  options: { project?: string | null } = {},
) {
  const tag = crypto.randomBytes(4).toString('hex');
  const user = await prisma.user.create({
    data: { email: `${role.toLowerCase()}-${tag}@test.example`, name: `${role} ${tag}`, role },
  });
  const projectId = options.project === undefined ? await fixtureProject() : options.project;
  if (projectId) await addMember(projectId, user.id, PROJECT_ROLE_OF[role]);
  return user;
}

/** A small document imported through the real import path, with its claims in order. */
export async function createDocument(
  text = 'A test article\n\nLDN may reduce fatigue. It is cheap.\n',
  options: { projectId?: string } = {},
) {
  const projectId = options.projectId ?? (await fixtureProject());
  const { id } = await importDocument({ text, format: 'TEXT', actorId: null, projectId });
  const claims = await prisma.claim.findMany({ where: { documentId: id }, orderBy: { start: 'asc' } });
  return { id, claims };
}
