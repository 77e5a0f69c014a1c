import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUser as createUserUseCase } from '@/lib/users/create-user';
import { deactivateUser } from '@/lib/users/deactivate-user';
import { listUsers } from '@/lib/users/list-users';
import { reactivateUser } from '@/lib/users/reactivate-user';
import { createUser } from '@/tests/support/fixtures';

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

// Other test files share this database and may leave active admins behind. The last-admin rule is about all
// of them, so these tests park the others (deactivate them) and bring them back afterwards.
const parked: string[] = [];
async function onlyActiveAdmins(...ids: string[]) {
  const others = await prisma.user.findMany({
    where: { role: 'ADMIN', deactivatedAt: null, id: { notIn: ids } },
    select: { id: true },
  });
  parked.push(...others.map((o) => o.id));
  await prisma.user.updateMany({ where: { id: { in: parked } }, data: { deactivatedAt: new Date() } });
}
afterEach(async () => {
  await prisma.user.updateMany({ where: { id: { in: parked.splice(0) } }, data: { deactivatedAt: null } });
});

async function addSession(userId: string) {
  return prisma.session.create({
    data: {
      userId,
      token: crypto.randomBytes(24).toString('hex'),
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    },
  });
}

const activeAdmins = () => prisma.user.count({ where: { role: 'ADMIN', deactivatedAt: null } });

type Admin = { id: string };

/**
 * Two admins, the only active ones, each try to remove the other at the same moment, over several rounds:
 * exactly one may win each time, and one admin is left.
 */
async function raceTwoAdmins(attempts: (a: Admin, b: Admin) => Promise<unknown>[]) {
  // Open the connections first, so both transactions really overlap.
  await Promise.all(Array.from({ length: 4 }, () => prisma.$queryRaw`SELECT 1`));
  for (let round = 0; round < 5; round++) {
    const [a, b] = [await createUser('ADMIN'), await createUser('ADMIN')];
    await onlyActiveAdmins(a.id, b.id);
    const results = await Promise.allSettled(attempts(a, b));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await activeAdmins()).toBe(1);
  }
}

describe('listUsers', () => {
  it('lists users with what the page shows, and nothing more', async () => {
    const viewer = await createUser('VIEWER');
    const listed = (await listUsers()).find((u) => u.id === viewer.id);
    expect(listed).toEqual({
      id: viewer.id,
      name: viewer.name,
      email: viewer.email,
      role: 'VIEWER',
      deactivatedAt: null,
      createdAt: viewer.createdAt,
    });
  });
});

describe('changeUserRole', () => {
  it('changes the role and writes the audit event with the role before and after', async () => {
    const admin = await createUser('ADMIN');
    const user = await createUser('VIEWER');
    const saved = await changeUserRole({ userId: user.id, role: 'REVIEWER', actorId: admin.id });
    expect(saved).toMatchObject({ role: 'REVIEWER', changed: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('REVIEWER');
    const events = await prisma.auditEvent.findMany({ where: { entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.role_changed',
      actorId: admin.id,
      entityType: 'User',
      before: { role: 'VIEWER' },
      after: { role: 'REVIEWER' },
    });
  });

  it('answers ok to the role the user already has, and writes nothing', async () => {
    const admin = await createUser('ADMIN');
    const user = await createUser('REVIEWER');
    const saved = await changeUserRole({ userId: user.id, role: 'REVIEWER', actorId: admin.id });
    expect(saved).toMatchObject({ role: 'REVIEWER', changed: false });
    expect(await prisma.auditEvent.count({ where: { entityId: user.id } })).toBe(0);
  });

  it('refuses to demote the last active admin, even themselves', async () => {
    const admin = await createUser('ADMIN');
    await onlyActiveAdmins(admin.id);
    await expect(
      changeUserRole({ userId: admin.id, role: 'VIEWER', actorId: admin.id }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('last active admin'),
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('ADMIN');
    expect(await prisma.auditEvent.count({ where: { entityId: admin.id } })).toBe(0);
  });

  it('lets an admin step down while another admin remains', async () => {
    const [a, b] = [await createUser('ADMIN'), await createUser('ADMIN')];
    await onlyActiveAdmins(a.id, b.id);
    await changeUserRole({ userId: a.id, role: 'REVIEWER', actorId: a.id });
    expect(await activeAdmins()).toBe(1);
  });

  it('lets exactly one of two admins demoting each other at once succeed', async () => {
    await raceTwoAdmins((a, b) => [
      changeUserRole({ userId: b.id, role: 'VIEWER', actorId: a.id }),
      changeUserRole({ userId: a.id, role: 'VIEWER', actorId: b.id }),
    ]);
  });

  it('answers "not found" for an unknown or malformed user id', async () => {
    const admin = await createUser('ADMIN');
    for (const userId of [UNKNOWN_ID, 'not-a-uuid', '']) {
      await expect(changeUserRole({ userId, role: 'VIEWER', actorId: admin.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });
});

describe('deactivateUser and reactivateUser', () => {
  it('deactivates, ends every session of that user at once, and audits it', async () => {
    const admin = await createUser('ADMIN');
    const [user, bystander] = [await createUser('REVIEWER'), await createUser('REVIEWER')];
    await addSession(user.id);
    await addSession(user.id);
    const kept = await addSession(bystander.id);

    expect(await deactivateUser({ userId: user.id, actorId: admin.id })).toMatchObject({ changed: true });

    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).toBeInstanceOf(
      Date,
    );
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.findUnique({ where: { id: kept.id } })).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(event).toMatchObject({
      action: 'user.deactivated',
      actorId: admin.id,
      before: { deactivatedAt: null },
      after: { sessionsEnded: 2 },
    });
  });

  it('reactivates with the same role, audits it, and treats repeats as no change', async () => {
    const admin = await createUser('ADMIN');
    const user = await createUser('VIEWER');
    await deactivateUser({ userId: user.id, actorId: admin.id });
    expect(await deactivateUser({ userId: user.id, actorId: admin.id })).toMatchObject({ changed: false });

    expect(await reactivateUser({ userId: user.id, actorId: admin.id })).toMatchObject({ changed: true });
    expect(await reactivateUser({ userId: user.id, actorId: admin.id })).toMatchObject({ changed: false });

    const saved = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ deactivatedAt: null, role: 'VIEWER' });
    const events = await prisma.auditEvent.findMany({
      where: { entityId: user.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['user.deactivated', 'user.reactivated']);
    expect(events[1]).toMatchObject({ actorId: admin.id, after: { deactivatedAt: null } });
  });

  it('refuses to deactivate the last active admin, even themselves, and keeps their sessions', async () => {
    const admin = await createUser('ADMIN');
    await onlyActiveAdmins(admin.id);
    await addSession(admin.id);
    await expect(deactivateUser({ userId: admin.id, actorId: admin.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('last active admin'),
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
    expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(1);
  });

  it('does not count a deactivated admin as one who remains', async () => {
    const [a, b] = [await createUser('ADMIN'), await createUser('ADMIN')];
    await onlyActiveAdmins(a.id, b.id);
    await deactivateUser({ userId: b.id, actorId: a.id });
    await expect(changeUserRole({ userId: a.id, role: 'VIEWER', actorId: a.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lets exactly one of two admins removing each other at once succeed', async () => {
    await raceTwoAdmins((a, b) => [
      deactivateUser({ userId: b.id, actorId: a.id }),
      deactivateUser({ userId: a.id, actorId: b.id }),
    ]);
    await raceTwoAdmins((a, b) => [
      deactivateUser({ userId: b.id, actorId: a.id }),
      changeUserRole({ userId: a.id, role: 'REVIEWER', actorId: b.id }),
    ]);
  });

  it('answers "not found" for an unknown or malformed user id', async () => {
    const admin = await createUser('ADMIN');
    for (const userId of [UNKNOWN_ID, 'not-a-uuid']) {
      await expect(deactivateUser({ userId, actorId: admin.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(reactivateUser({ userId, actorId: admin.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });
});

describe('createUser (the use case)', () => {
  it('creating one address twice at once makes one user; the other gets the same conflict as a later try', async () => {
    const email = `twice-${crypto.randomBytes(4).toString('hex')}@test.example`;
    const make = () =>
      createUserUseCase({
        name: 'Twice',
        email,
        role: 'REVIEWER',
        password: 'a-long-password-1',
        actorId: null,
      });
    const results = await Promise.allSettled([make(), make(), make()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'CONFLICT',
        message: `There is already a user with the email ${email}.`,
      });
    }
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });
});
