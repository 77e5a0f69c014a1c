import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { loadProjectSettings } from '@/lib/projects/load-project-settings';
import { projectAccess } from '@/lib/projects/project-access';
import { setMayAdjudicate } from '@/lib/projects/set-may-adjudicate';
import { updateProjectSettings } from '@/lib/projects/update-project-settings';
import { createDocument, createProject, createUser } from '@/tests/support/fixtures';

async function projectWithMembers() {
  const project = await createProject();
  const lead = await createUser('ADMIN', { project: project.id });
  const reviewer = await createUser('REVIEWER', { project: project.id });
  const viewer = await createUser('VIEWER', { project: project.id });
  return { project, lead, reviewer, viewer };
}

describe('loadProjectSettings', () => {
  it('gives the settings with their version, the live claims a rule change re-derives, and the members', async () => {
    const { project, lead, reviewer, viewer } = await projectWithMembers();
    const { claims } = await createDocument(undefined, { projectId: project.id });
    const page = await loadProjectSettings({ projectId: project.id });
    expect(page.project).toEqual({
      id: project.id,
      name: project.name,
      description: '',
      reviewersRequired: 1,
      blindByDefault: false,
      version: 1,
      claims: claims.length,
    });
    expect(page.members.map((m) => [m.userId, m.role, m.mayAdjudicate])).toEqual([
      [lead.id, 'LEAD', true],
      [reviewer.id, 'REVIEWER', false],
      [viewer.id, 'VIEWER', false],
    ]);
  });
});

describe('setMayAdjudicate', () => {
  it('lets a lead name a reviewer to adjudicate and take it back, at once and audited', async () => {
    const { project, lead, reviewer } = await projectWithMembers();
    const reader = { id: reviewer.id, role: reviewer.role };
    const adjudicate = () =>
      projectAccess({ projectId: project.id, reader, permission: 'claim.adjudicate' }).then(
        (a) => a.mayAdjudicate,
        () => false,
      );
    expect(await adjudicate()).toBe(false);
    const named = await setMayAdjudicate({
      projectId: project.id,
      userId: reviewer.id,
      mayAdjudicate: true,
      actorId: lead.id,
    });
    expect(named).toEqual({ name: reviewer.name, mayAdjudicate: true, changed: true });
    expect(await adjudicate()).toBe(true);
    await setMayAdjudicate({
      projectId: project.id,
      userId: reviewer.id,
      mayAdjudicate: false,
      actorId: lead.id,
    });
    expect(await adjudicate()).toBe(false);
    const events = await prisma.auditEvent.findMany({
      where: { entityId: project.id, action: 'project.adjudicator-changed' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.actorId, e.after])).toEqual([
      [lead.id, { userId: reviewer.id, mayAdjudicate: true }],
      [lead.id, { userId: reviewer.id, mayAdjudicate: false }],
    ]);
  });

  it('refuses leads (who always may), viewers, and people who are not members', async () => {
    const { project, lead, viewer } = await projectWithMembers();
    const outsider = await createUser('REVIEWER', { project: null });
    const set = (userId: string, mayAdjudicate: boolean) =>
      setMayAdjudicate({ projectId: project.id, userId, mayAdjudicate, actorId: lead.id });
    await expect(set(lead.id, false)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('leads always may adjudicate'),
    });
    await expect(set(viewer.id, true)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('make them a reviewer first'),
    });
    await expect(set(outsider.id, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('updateProjectSettings', () => {
  it('saves name, description and blind by default with one audit event, and a repeat changes nothing', async () => {
    const { project, lead } = await projectWithMembers();
    const changes = { name: `${project.name} renamed`, description: 'Trials of LDN.', blindByDefault: true };
    const saved = await updateProjectSettings({
      projectId: project.id,
      actorId: lead.id,
      expectedVersion: 1,
      changes,
    });
    expect(saved).toEqual({ ...changes, reviewersRequired: 1, version: 2, recomputed: 0 });
    const again = await updateProjectSettings({
      projectId: project.id,
      actorId: lead.id,
      expectedVersion: 2,
      changes,
    });
    expect(again.version).toBe(2);
    const events = await prisma.auditEvent.findMany({
      where: { entityId: project.id, action: 'project.settings-changed' },
    });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ name: project.name, description: '', blindByDefault: false }, changes],
    ]);
  });
});
