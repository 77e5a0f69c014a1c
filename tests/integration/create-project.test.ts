import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { createProject } from '@/lib/projects/create-project';
import { createUser } from '@/tests/support/fixtures';

describe('createProject', () => {
  it('makes the project with its creator as first lead, and audits it', async () => {
    const admin = await createUser('ADMIN', { project: null });
    const name = `Cardiology ${crypto.randomUUID()}`;
    const project = await createProject({ name: `  ${name} `, description: 'Statins', actorId: admin.id });
    expect(project.name).toBe(name);
    expect(await prisma.projectMember.findMany({ where: { projectId: project.id } })).toMatchObject([
      { userId: admin.id, role: 'LEAD' },
    ]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: project.id } });
    expect(event).toMatchObject({
      action: 'project.created',
      actorId: admin.id,
      after: { name, description: 'Statins' },
    });
  });

  it('refuses a name already taken, or empty, saying which field to fix, and writes nothing', async () => {
    const name = `Taken ${crypto.randomUUID()}`;
    await createProject({ name, actorId: null });
    const before = await prisma.project.count();
    await expect(createProject({ name, actorId: null })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { name: `There is already a project called "${name}". Choose another name.` },
    });
    await expect(createProject({ name: ' \u0000 ', actorId: null })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { name: expect.any(String) },
    });
    expect(await prisma.project.count()).toBe(before);
  });
});
