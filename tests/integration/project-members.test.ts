import { describe, expect, it } from 'vitest';
import { GET as getClaimPanel } from '@/app/api/claims/[id]/route';
import { managedProject } from '@/app/projects/[id]/managed-project';
import { assignReview } from '@/lib/assignments/assign-review';
import { requireProjectUser } from '@/lib/auth/guard';
import { prisma } from '@/lib/db/prisma';
import { addProjectMember } from '@/lib/projects/add-project-member';
import { changeProjectMemberRole } from '@/lib/projects/change-project-member-role';
import { listProjectMembers } from '@/lib/projects/list-project-members';
import { projectAccess } from '@/lib/projects/project-access';
import { removeProjectMember } from '@/lib/projects/remove-project-member';
import { addMember, createDocument, createProject, createUser } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

/** A project with one lead, and a reviewer in it. */
async function team() {
  const project = await createProject();
  const lead = await createUser('REVIEWER', { project: null });
  const reviewer = await createUser('REVIEWER', { project: null });
  await addMember(project.id, lead.id, 'LEAD');
  await addMember(project.id, reviewer.id, 'REVIEWER');
  return { project, lead, reviewer };
}

const eventsOf = (projectId: string) =>
  prisma.auditEvent.findMany({ where: { entityId: projectId }, orderBy: { id: 'asc' } });

describe('adding a member', () => {
  it('adds a user by email address, with the project role, and audits it', async () => {
    const { project, lead } = await team();
    const newcomer = await createUser('VIEWER', { project: null });
    const saved = await addProjectMember({
      projectId: project.id,
      email: ` ${newcomer.email.toUpperCase()} `,
      role: 'VIEWER',
      actorId: lead.id,
    });
    expect(saved).toMatchObject({ userId: newcomer.id, role: 'VIEWER', before: null });
    const listed = (await listProjectMembers(project.id)).find((m) => m.userId === newcomer.id);
    expect(listed).toMatchObject({ name: newcomer.name, email: newcomer.email, role: 'VIEWER' });
    expect(await eventsOf(project.id)).toEqual([
      expect.objectContaining({
        action: 'project.member-added',
        actorId: lead.id,
        after: { userId: newcomer.id, role: 'VIEWER' },
      }),
    ]);
  });

  it('says to invite an address nobody has an account with', async () => {
    const { project, lead } = await team();
    await expect(
      addProjectMember({
        projectId: project.id,
        email: 'nobody@nowhere.example',
        role: 'REVIEWER',
        actorId: lead.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Invite them instead') });
  });
});

describe('changing a member role', () => {
  it('changes the role and audits the role before and after', async () => {
    const { project, lead, reviewer } = await team();
    const saved = await changeProjectMemberRole({
      projectId: project.id,
      userId: reviewer.id,
      role: 'LEAD',
      actorId: lead.id,
    });
    expect(saved).toMatchObject({ role: 'LEAD', changed: true });
    expect(await eventsOf(project.id)).toEqual([
      expect.objectContaining({
        action: 'project.member-role-changed',
        before: { userId: reviewer.id, role: 'REVIEWER' },
        after: { userId: reviewer.id, role: 'LEAD' },
      }),
    ]);
  });

  it('refuses to demote the last lead, by a change of role or by adding them again', async () => {
    const { project, lead } = await team();
    const refusal = { code: 'CONFLICT', message: expect.stringContaining("the project's only lead") };
    await expect(
      changeProjectMemberRole({ projectId: project.id, userId: lead.id, role: 'REVIEWER', actorId: lead.id }),
    ).rejects.toMatchObject(refusal);
    await expect(
      addProjectMember({ projectId: project.id, email: lead.email, role: 'VIEWER', actorId: lead.id }),
    ).rejects.toMatchObject(refusal);
    expect((await listProjectMembers(project.id)).find((m) => m.userId === lead.id)?.role).toBe('LEAD');
    expect(await eventsOf(project.id)).toEqual([]);
  });

  it('does not make a member of someone who is not one', async () => {
    const { project, lead } = await team();
    const outsider = await createUser('REVIEWER', { project: null });
    await expect(
      changeProjectMemberRole({
        projectId: project.id,
        userId: outsider.id,
        role: 'VIEWER',
        actorId: lead.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.projectMember.count({ where: { userId: outsider.id } })).toBe(0);
  });
});

describe('removing a member', () => {
  it('removes the member and audits it', async () => {
    const { project, lead, reviewer } = await team();
    await removeProjectMember({ projectId: project.id, userId: reviewer.id, actorId: lead.id });
    expect((await listProjectMembers(project.id)).map((m) => m.userId)).toEqual([lead.id]);
    expect(await eventsOf(project.id)).toEqual([
      expect.objectContaining({
        action: 'project.member-removed',
        actorId: lead.id,
        before: { userId: reviewer.id, role: 'REVIEWER', assignments: 0 },
      }),
    ]);
  });

  it("ends the member's assignments in the project, and no other project's", async () => {
    const { project, lead, reviewer } = await team();
    const documentId = (await createDocument(undefined, { projectId: project.id })).id;
    const elsewhere = await createProject();
    await addMember(elsewhere.id, lead.id, 'LEAD');
    await addMember(elsewhere.id, reviewer.id, 'REVIEWER');
    const otherDocumentId = (await createDocument(undefined, { projectId: elsewhere.id })).id;
    const whole = { fromNumber: null, toNumber: null, reviewerId: reviewer.id, actorId: lead.id };
    await assignReview({ ...whole, documentId });
    await assignReview({ ...whole, documentId: otherDocumentId });

    await removeProjectMember({ projectId: project.id, userId: reviewer.id, actorId: lead.id });
    expect(await prisma.assignment.findMany({ where: { reviewerId: reviewer.id } })).toEqual([
      expect.objectContaining({ documentId: otherDocumentId }),
    ]);
    expect(await eventsOf(project.id)).toContainEqual(
      expect.objectContaining({
        action: 'project.member-removed',
        before: expect.objectContaining({ assignments: 1 }),
      }),
    );
    // Added back, they start with no assignments rather than the ones the lead gave them before.
    await addMember(project.id, reviewer.id, 'REVIEWER');
    expect(await prisma.assignment.count({ where: { projectId: project.id } })).toBe(0);
  });

  it('refuses to remove the last lead, and lets one of two leads go', async () => {
    const { project, lead, reviewer } = await team();
    await expect(
      removeProjectMember({ projectId: project.id, userId: lead.id, actorId: lead.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('cannot be removed') });
    await changeProjectMemberRole({
      projectId: project.id,
      userId: reviewer.id,
      role: 'LEAD',
      actorId: lead.id,
    });
    await removeProjectMember({ projectId: project.id, userId: lead.id, actorId: lead.id });
    expect((await listProjectMembers(project.id)).map((m) => [m.userId, m.role])).toEqual([
      [reviewer.id, 'LEAD'],
    ]);
  });

  it('lets exactly one of two leads removing each other at once succeed', async () => {
    const { project, lead, reviewer } = await team();
    await addMember(project.id, reviewer.id, 'LEAD');
    const results = await Promise.allSettled([
      removeProjectMember({ projectId: project.id, userId: reviewer.id, actorId: lead.id }),
      removeProjectMember({ projectId: project.id, userId: lead.id, actorId: reviewer.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await prisma.projectMember.count({ where: { projectId: project.id, role: 'LEAD' } })).toBe(1);
  });

  it('takes away access at once, on the same session', async () => {
    const project = await createProject();
    const lead = await createUser('REVIEWER', { project: null });
    await addMember(project.id, lead.id, 'LEAD');
    const { user, cookie } = await signedIn('REVIEWER');
    await addMember(project.id, user.id, 'REVIEWER');
    const { claims } = await createDocument(undefined, { projectId: project.id });
    const claimId = claims[0]!.id;
    const panel = () =>
      getClaimPanel(
        new Request(`http://localhost:3000/api/claims/${claimId}`, { headers: { Cookie: cookie } }),
        {
          params: Promise.resolve({ id: claimId }),
        },
      );

    expect((await panel()).status).toBe(200);
    await removeProjectMember({ projectId: project.id, userId: user.id, actorId: lead.id });
    const after = await panel();
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('who may manage members', () => {
  it('lets a lead and an instance admin in, refuses a reviewer (403) and hides the project from others (404)', async () => {
    const { project } = await team();
    const request = (cookie: string) =>
      new Request('http://localhost:3000/', { headers: { Cookie: cookie } });
    const check = (cookie: string) =>
      requireProjectUser('project.manage', { projectId: project.id }, { request: request(cookie) });

    const lead = await signedIn('REVIEWER');
    await addMember(project.id, lead.user.id, 'LEAD');
    await expect(check(lead.cookie)).resolves.toMatchObject({
      access: { projectId: project.id, adminView: false },
    });

    const admin = await signedIn('ADMIN');
    await expect(check(admin.cookie)).resolves.toMatchObject({ access: { adminView: true } });

    const reviewer = await signedIn('REVIEWER');
    await addMember(project.id, reviewer.user.id, 'REVIEWER');
    await expect(check(reviewer.cookie)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const outsider = await signedIn('REVIEWER');
    await expect(check(outsider.cookie)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('acts only on the project the guard checked, never on another one named beside it', async () => {
    const { project, lead } = await team();
    const other = await createProject();
    const access = await projectAccess({
      projectId: project.id,
      reader: { id: lead.id, role: 'REVIEWER' },
      permission: 'project.manage',
    });
    expect(managedProject(project.id.toUpperCase(), access)).toBe(project.id);
    expect(() => managedProject(other.id, access)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
