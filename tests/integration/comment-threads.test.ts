import { describe, expect, it } from 'vitest';
import { addComment } from '@/lib/comments/add-comment';
import { resolveComment } from '@/lib/comments/resolve-comment';
import { prisma } from '@/lib/db/prisma';
import { createDocument, createUser } from '@/tests/support/fixtures';

const UNKNOWN = '00000000-0000-7000-8000-000000000000';

async function thread() {
  const author = await createUser();
  const { claims } = await createDocument();
  const claimId = claims[0]!.id;
  const root = await addComment({ claimId, authorId: author.id, body: 'Is there a trial for this?' });
  return { author, claims, claimId, root };
}

describe('comment replies', () => {
  it('threads a reply under its comment, and a reply to a reply under the first comment', async () => {
    const { claimId, root } = await thread();
    const replier = await createUser();
    expect(root).toMatchObject({ parentId: null, resolvedAt: null, resolvedBy: null, version: 1 });
    const reply = await addComment({ claimId, authorId: replier.id, body: 'Yes, one.', parentId: root.id });
    expect(reply).toMatchObject({ parentId: root.id, body: 'Yes, one.', author: replier.name, version: 1 });
    const nested = await addComment({
      claimId,
      authorId: replier.id,
      body: 'A small one.',
      parentId: reply.id,
    });
    expect(nested.parentId).toBe(root.id);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: nested.id } });
    expect(event).toMatchObject({
      action: 'comment.added',
      after: { body: 'A small one.', parentId: root.id },
    });
    const first = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: root.id } });
    expect(first.after).toEqual({ body: 'Is there a trial for this?', parentId: null });
  });

  it('refuses a reply to an unknown comment or to a comment on another claim', async () => {
    const { author, claims, claimId, root } = await thread();
    await expect(
      addComment({ claimId, authorId: author.id, body: 'Hello', parentId: UNKNOWN }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      addComment({ claimId: claims[1]!.id, authorId: author.id, body: 'Hello', parentId: root.id }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { parentId: expect.any(String) } });
    await prisma.comment.update({ where: { id: root.id }, data: { deletedAt: new Date() } });
    await expect(
      addComment({ claimId, authorId: author.id, body: 'Hello', parentId: root.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.comment.count({ where: { parentId: root.id } })).toBe(0);
  });
});

describe('resolveComment', () => {
  it('resolves and reopens a thread, bumping its version, with an audit event each time', async () => {
    const { claimId, root } = await thread();
    const resolver = await createUser();
    const resolved = await resolveComment({
      commentId: root.id,
      userId: resolver.id,
      resolved: true,
      expectedVersion: 1,
    });
    expect(resolved).toMatchObject({
      id: root.id,
      resolvedAt: expect.any(String),
      resolvedBy: resolver.name,
      version: 2,
    });
    const reopened = await resolveComment({
      commentId: root.id,
      userId: resolver.id,
      resolved: false,
      expectedVersion: 2,
    });
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null, version: 3 });
    const row = await prisma.comment.findUniqueOrThrow({ where: { id: root.id } });
    expect(row).toMatchObject({ resolvedAt: null, resolvedById: null, version: 3 });

    const events = await prisma.auditEvent.findMany({
      where: { claimId, entityId: root.id, action: { not: 'comment.added' } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      [
        'comment.resolved',
        resolver.id,
        { resolvedAt: null, resolvedById: null },
        { resolvedAt: resolved.resolvedAt, resolvedById: resolver.id },
      ],
      [
        'comment.reopened',
        resolver.id,
        { resolvedAt: resolved.resolvedAt, resolvedById: resolver.id },
        { resolvedAt: null, resolvedById: null },
      ],
    ]);
  });

  it('refuses a stale version with the current state, and changes nothing', async () => {
    const { root } = await thread();
    const [first, second] = [await createUser(), await createUser()];
    const saved = await resolveComment({
      commentId: root.id,
      userId: first.id,
      resolved: true,
      expectedVersion: 1,
    });
    await expect(
      resolveComment({ commentId: root.id, userId: second.id, resolved: true, expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { current: { resolvedAt: saved.resolvedAt, resolvedBy: first.name, version: 2 } },
    });
    await expect(
      resolveComment({ commentId: root.id, userId: second.id, resolved: false, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({
      resolvedById: first.id,
      version: 2,
    });
    expect(await prisma.auditEvent.count({ where: { entityId: root.id, action: 'comment.resolved' } })).toBe(
      1,
    );
  });

  it('resolves only whole threads, and answers "not found" for unknown comments', async () => {
    const { author, claimId, root } = await thread();
    const reply = await addComment({ claimId, authorId: author.id, body: 'Reply', parentId: root.id });
    await expect(
      resolveComment({ commentId: reply.id, userId: author.id, resolved: true, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    for (const commentId of [UNKNOWN, 'not-an-id'])
      await expect(
        resolveComment({ commentId, userId: author.id, resolved: true, expectedVersion: 1 }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.comment.count({ where: { claimId, resolvedAt: { not: null } } })).toBe(0);
  });
});
