import crypto from 'node:crypto';
import { prisma } from '@/lib/db/prisma';
import { importDocument } from '@/lib/documents/import-document';

/** A user of the given role, created directly in the database. */
export async function createUser(role: 'ADMIN' | 'REVIEWER' | 'VIEWER' = 'REVIEWER') {
  const tag = crypto.randomBytes(4).toString('hex');
  return prisma.user.create({
    data: { email: `${role.toLowerCase()}-${tag}@test.example`, name: `${role} ${tag}`, role },
  });
}

/** A small document imported through the real import path, with its claims in order. */
export async function createDocument(text = 'A test article\n\nLDN may reduce fatigue. It is cheap.\n') {
  const { id } = await importDocument({ text, format: 'TEXT', actorId: null });
  const claims = await prisma.claim.findMany({ where: { documentId: id }, orderBy: { start: 'asc' } });
  return { id, claims };
}
