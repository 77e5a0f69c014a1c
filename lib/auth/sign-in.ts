import { isAPIError } from 'better-auth/api';
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { prisma, type Tx, transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { getAuth } from './auth';
import { SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_SECONDS } from './session-policy';

const WRONG = 'The email or password is not right. Check both and try again.';

// The first key of pg_advisory_xact_lock(int, int): one space of locks for accounts and one for addresses, apart
// from the single-key locks that migrations and the seed take.
const ACCOUNT_LOCKS = 1_730_001;
const ADDRESS_LOCKS = 1_730_002;

/**
 * Signs in with email and password: refuses once an account or an address has failed too often in the window,
 * refuses deactivated accounts, and audits every success and failure. Returns Better Auth's response headers,
 * which carry the new session cookie.
 */
export async function signIn(options: { email: string; password: string; ip: string; headers: Headers }) {
  const email = options.email.trim().toLowerCase();
  const { ip } = options;
  const attemptId = await reserveAttempt(email, ip);

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } });
  const fail = async (reason: string) => {
    await transaction(async (tx) => {
      await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: false } });
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
    // Anything else leaves the attempt's outcome unknown, and so counted as a failure until the window passes.
    throw e;
  }
  await transaction(async (tx) => {
    await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
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

/**
 * Records an attempt before its password is checked, or refuses it when the account or the address already has
 * the limit of attempts in the window that failed or are still being checked. Successes do not count, so a
 * clinician who signs in many times is never locked out by it. The attempts of one account, and of one address,
 * are counted one after another under a lock in the database, so a burst sent at once, to any number of app
 * instances, has no more passwords checked than the limit.
 */
async function reserveAttempt(email: string, ip: string): Promise<string> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_SECONDS * 1000);
  const full = async (db: Tx) => {
    const [counts] = await db.$queryRaw<[{ byAccount: number; byAddress: number }]>`
      SELECT count(*) FILTER (WHERE email = ${email})::int AS "byAccount",
        count(*) FILTER (WHERE ip = ${ip})::int AS "byAddress"
      FROM "SignInAttempt"
      WHERE (email = ${email} OR ip = ${ip}) AND "createdAt" >= ${since} AND succeeded IS NOT TRUE`;
    return counts.byAccount >= SIGN_IN_FAILURE_LIMIT || counts.byAddress >= SIGN_IN_FAILURE_LIMIT;
  };
  // Once the window is full, refusing needs no lock: a sustained attack does not queue behind it.
  if (await full(prisma)) throw rateLimited();
  return transaction(async (tx) => {
    // Always the account's lock first, then the address's, so two attempts never wait for each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCKS}::int, hashtext(${email})),
      pg_advisory_xact_lock(${ADDRESS_LOCKS}::int, hashtext(${ip}))`;
    if (await full(tx)) throw rateLimited();
    const attempt = await tx.signInAttempt.create({ data: { email, ip }, select: { id: true } });
    return attempt.id;
  });
}

const rateLimited = () =>
  new AppError(
    'RATE_LIMITED',
    `Too many failed sign-ins. Wait a minute, then try again (at most ${SIGN_IN_FAILURE_LIMIT} tries a minute).`,
  );

function callSignIn(email: string, password: string, headers: Headers) {
  return getAuth().api.signInEmail({
    body: { email, password, rememberMe: true },
    headers,
    returnHeaders: true,
  });
}
