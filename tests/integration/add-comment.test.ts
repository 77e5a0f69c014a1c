import { describe, expect, it } from 'vitest';
import { addComment } from '@/lib/comments/add-comment';
import { prisma } from '@/lib/db/prisma';
import { createDocument, createUser } from '@/tests/support/fixtures';

describe('addComment', () => {
  it('stores the comment as typed, with an audit event', async () => {
    const author = await createUser();
    const { claims } = await createDocument();
    const body = '<img src=x onerror=alert(1)> needs a source';
    const comment = await addComment({ claimId: claims[0]!.id, authorId: author.id, body });
    expect(comment.body).toBe(body);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: comment.id } });
    expect(event).toMatchObject({ action: 'comment.added', actorId: author.id, after: { body } });
  });

  it.each([
    ['empty', '   ', 'Write a comment first.'],
    ['too long', 'x'.repeat(10_001), 'at most 10,000 characters'],
  ])('refuses an %s comment and writes nothing', async (_, body, message) => {
    const author = await createUser();
    const { claims } = await createDocument();
    await expect(addComment({ claimId: claims[0]!.id, authorId: author.id, body })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining(message),
    });
    expect(await prisma.comment.count({ where: { claimId: claims[0]!.id } })).toBe(0);
  });

  it('accepts exactly 10,000 characters', async () => {
    const author = await createUser();
    const { claims } = await createDocument();
    await addComment({ claimId: claims[0]!.id, authorId: author.id, body: 'y'.repeat(10_000) });
    expect(await prisma.comment.count({ where: { claimId: claims[0]!.id } })).toBe(1);
  });
});
