import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAuthSecret } from '@/lib/auth/ensure-auth-secret';
import { signIn } from '@/lib/auth/sign-in';
import { prisma } from '@/lib/db/prisma';
import { createUser } from '@/lib/users/create-user';

const headers = () => new Headers({ 'user-agent': 'vitest' });

async function newAccount() {
  const email = `signin-${crypto.randomBytes(4).toString('hex')}@test.example`;
  await createUser({
    name: 'Sign In',
    email,
    role: 'REVIEWER',
    password: 'correct horse battery',
    actorId: null,
  });
  return email;
}

function countBy(values: string[]) {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const failuresAudited = (field: { path: string[]; equals: string }) =>
  prisma.auditEvent.count({ where: { action: 'auth.sign_in_failed', after: field } });

describe('signIn', () => {
  beforeAll(ensureAuthSecret);

  it('creates a session row, stores an argon2id hash, and audits the sign-in', async () => {
    const email = await newAccount();
    const result = await signIn({
      email,
      password: 'correct horse battery',
      ip: '10.0.0.1',
      headers: headers(),
    });
    expect(await prisma.session.count({ where: { userId: result.userId } })).toBe(1);
    const account = await prisma.account.findFirstOrThrow({ where: { userId: result.userId } });
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(
      await prisma.auditEvent.count({ where: { actorId: result.userId, action: 'auth.signed_in' } }),
    ).toBe(1);
    // Every sign-in is a new session with a new token.
    await signIn({ email, password: 'correct horse battery', ip: '10.0.0.1', headers: headers() });
    const tokens = await prisma.session.findMany({
      where: { userId: result.userId },
      select: { token: true },
    });
    expect(new Set(tokens.map((t) => t.token)).size).toBe(2);
  });

  it('answers a wrong password and an unknown email with the same words, and audits both', async () => {
    const email = await newAccount();
    const wrong = signIn({ email, password: 'not the password', ip: '10.0.0.2', headers: headers() });
    await expect(wrong).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const unknown = signIn({
      email: 'nobody@test.example',
      password: 'whatever1',
      ip: '10.0.0.2',
      headers: headers(),
    });
    await expect(unknown).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await wrong.catch((e) => e)).message).toBe((await unknown.catch((e) => e)).message);
    expect(
      await prisma.auditEvent.count({
        where: { action: 'auth.sign_in_failed', after: { path: ['email'], equals: email } },
      }),
    ).toBe(1);
  });

  it('refuses the 11th failure in a minute per account, even with the right password', async () => {
    const email = await newAccount();
    for (let i = 0; i < 10; i++) {
      await expect(
        signIn({ email, password: `wrong-${i}-pass`, ip: `10.1.0.${i}`, headers: headers() }),
      ).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    await expect(
      signIn({ email, password: 'correct horse battery', ip: '10.1.1.1', headers: headers() }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('Wait a minute') });
  });

  it('refuses the 11th failure in a minute per address, across accounts', async () => {
    const ip = `10.2.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;
    for (let i = 0; i < 10; i++) {
      await expect(
        signIn({ email: `x${i}@test.example`, password: 'wrong-pass', ip, headers: headers() }),
      ).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    const email = await newAccount();
    await expect(
      signIn({ email, password: 'correct horse battery', ip, headers: headers() }),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  // Each call below is its own request, as from many clients or app instances at once: the limit must hold
  // however they interleave, so no more passwords are checked than the limit allows.
  it('checks at most 10 passwords for one account in a burst of 40 at once, and refuses the rest', async () => {
    const email = await newAccount();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn({ email, password: `wrong-${i}-pass`, ip: `10.4.0.${i}`, headers: headers() }).then(
          () => 'SIGNED_IN',
          (e) => e.code,
        ),
      ),
    );
    expect(countBy(outcomes)).toEqual({ UNAUTHENTICATED: 10, RATE_LIMITED: 30 });
    expect(await failuresAudited({ path: ['email'], equals: email })).toBe(10);
  });

  it('checks at most 10 passwords from one address in a burst of 40 at once, across accounts', async () => {
    const ip = `10.5.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;
    const emails = await Promise.all(Array.from({ length: 5 }, newAccount));
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn({ email: emails[i % 5]!, password: `wrong-${i}-pass`, ip, headers: headers() }).then(
          () => 'SIGNED_IN',
          (e) => e.code,
        ),
      ),
    );
    expect(countBy(outcomes)).toEqual({ UNAUTHENTICATED: 10, RATE_LIMITED: 30 });
    expect(await failuresAudited({ path: ['ip'], equals: ip })).toBe(10);
  });

  it('does not count successful sign-ins, but counts an attempt whose password is still being checked', async () => {
    const email = await newAccount();
    const ip = `10.6.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;
    for (let i = 0; i < 11; i++) {
      await signIn({ email, password: 'correct horse battery', ip, headers: headers() });
    }
    await expect(
      signIn({ email, password: 'not the password', ip, headers: headers() }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    // Nine attempts in flight (as from another app instance) and the failure above fill the account's window.
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({ email, ip: `10.7.0.${i}`, succeeded: null })),
    });
    await expect(
      signIn({ email, password: 'correct horse battery', ip: '10.7.1.1', headers: headers() }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses a deactivated account', async () => {
    const email = await newAccount();
    await prisma.user.update({ where: { email }, data: { deactivatedAt: new Date() } });
    await expect(
      signIn({ email, password: 'correct horse battery', ip: '10.3.0.1', headers: headers() }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('createUser', () => {
  it('refuses passwords outside 8–128 characters, and a taken email, writing nothing', async () => {
    const email = `pw-${crypto.randomBytes(4).toString('hex')}@test.example`;
    for (const password of ['short', 'x'.repeat(129)]) {
      await expect(
        createUser({ name: 'P', email, role: 'VIEWER', password, actorId: null }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    }
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    await createUser({ name: 'P', email, role: 'VIEWER', password: 'x'.repeat(128), actorId: null });
    await expect(
      createUser({
        name: 'P',
        email: email.toUpperCase(),
        role: 'VIEWER',
        password: 'long enough',
        actorId: null,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
