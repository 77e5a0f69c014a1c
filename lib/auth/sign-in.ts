import { isAPIError } from 'better-auth/api';
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { prisma } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_SECONDS } from './session-policy';

const WRONG = 'The email or password is not right. Check both and try again.';

/**
 * Signs in with email and password: refuses once an account or an address has failed too often in the window,
 * refuses deactivated accounts, and audits every success and failure. Returns Better Auth's response headers,
 * which carry the new session cookie.
 */
export async function signIn(options: { email: string; password: string; ip: string; headers: Headers }) {
  const email = options.email.trim().toLowerCase();
  const { ip } = options;
  const since = new Date(Date.now() - SIGN_IN_WINDOW_SECONDS * 1000);
  const [byAccount, byAddress] = await Promise.all([
    prisma.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    prisma.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byAccount >= SIGN_IN_FAILURE_LIMIT || byAddress >= SIGN_IN_FAILURE_LIMIT) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-ins. Wait a minute, then try again (at most ${SIGN_IN_FAILURE_LIMIT} tries a minute).`,
    );
  }

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } });
  const fail = async (reason: string) => {
    await prisma.$transaction(async (tx) => {
      await tx.signInAttempt.create({ data: { email, ip, succeeded: false } });
      await writeAuditEvent(tx, {
        actorId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        entityType: 'User',
        entityId: user?.id ?? email,
        after: { email, ip, reason },
      });
    });
    // The same words for an unknown email, a wrong password and a deactivated account: no account probing.
    return new AppError('UNAUTHENTICATED', WRONG, { email: WRONG });
  };
  if (user?.deactivatedAt) throw await fail('deactivated');

  let result: Awaited<ReturnType<typeof callSignIn>>;
  try {
    result = await callSignIn(email, options.password, options.headers);
  } catch (e) {
    // isAPIError, not instanceof: the built app may hold two copies of the class, one per bundle.
    if (isAPIError(e)) throw await fail(e.body?.code ?? 'rejected');
    throw e;
  }
  await prisma.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email, ip, succeeded: true } });
    await writeAuditEvent(tx, {
      actorId: result.response.user.id,
      action: 'auth.signed_in',
      entityType: 'User',
      entityId: result.response.user.id,
      after: { ip },
    });
  });
  return { userId: result.response.user.id, headers: result.headers };
}

function callSignIn(email: string, password: string, headers: Headers) {
  return getAuth().api.signInEmail({
    body: { email, password, rememberMe: true },
    headers,
    returnHeaders: true,
  });
}
