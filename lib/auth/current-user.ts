import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { FIRST_REVIEWER_EMAIL } from '@/lib/seed/seed-sample-data';

export type CurrentUser = { id: string; name: string; email: string; role: 'ADMIN' | 'REVIEWER' | 'VIEWER' };

// The walking skeleton has no sign-in yet: every request acts as the first reviewer, created at first start.
// Sign-in replaces this function, and every caller already goes through it.
export async function getCurrentUser(): Promise<CurrentUser> {
  const user = await prisma.user.findUnique({
    where: { email: FIRST_REVIEWER_EMAIL },
    select: { id: true, name: true, email: true, role: true },
  });
  if (!user) throw new AppError('UNAUTHENTICATED', 'No reviewer exists yet. Restart the app to create one.');
  return user;
}
