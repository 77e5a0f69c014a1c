import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: Role;
  deactivatedAt: Date | null;
  createdAt: Date;
};

/** Every user for the admin's users page, oldest first; no password or session data leaves the database. */
export async function listUsers(): Promise<UserListItem[]> {
  return prisma.user.findMany({
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}
