import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { setReviewMode } from '@/lib/documents/set-review-mode';
import { createDocument, createUser } from '@/tests/support/fixtures';

describe('setReviewMode', () => {
  it('switches to blind review and back, auditing each change', async () => {
    const admin = await createUser('ADMIN');
    const { id } = await createDocument();
    expect(await setReviewMode({ documentId: id, userId: admin.id, mode: 'BLIND' })).toEqual({
      documentId: id,
      mode: 'BLIND',
      changed: true,
    });
    expect((await prisma.document.findUniqueOrThrow({ where: { id } })).reviewMode).toBe('BLIND');
    await setReviewMode({ documentId: id, userId: admin.id, mode: 'OPEN' });
    const events = await prisma.auditEvent.findMany({
      where: { documentId: id, action: 'document.review-mode-changed' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((e) => [e.actorId, e.entityType, e.entityId, e.before, e.after])).toEqual([
      [admin.id, 'Document', id, { reviewMode: 'OPEN' }, { reviewMode: 'BLIND' }],
      [admin.id, 'Document', id, { reviewMode: 'BLIND' }, { reviewMode: 'OPEN' }],
    ]);
  });

  it('changes nothing when the mode is already set, and answers "not found" for unknown documents', async () => {
    const admin = await createUser('ADMIN');
    const { id } = await createDocument();
    expect(await setReviewMode({ documentId: id, userId: admin.id, mode: 'OPEN' })).toMatchObject({
      changed: false,
    });
    expect(
      await prisma.auditEvent.count({ where: { documentId: id, action: 'document.review-mode-changed' } }),
    ).toBe(0);
    for (const documentId of ['00000000-0000-7000-8000-000000000000', 'nope'])
      await expect(setReviewMode({ documentId, userId: admin.id, mode: 'BLIND' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    await prisma.document.update({ where: { id }, data: { deletedAt: new Date() } });
    await expect(setReviewMode({ documentId: id, userId: admin.id, mode: 'BLIND' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
