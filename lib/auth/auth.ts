import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { prisma } from '@/lib/db/prisma';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from './session-policy';

function createAuth() {
  const port = process.env.PORT ?? '3000';
  const baseURL = process.env.APP_URL ?? `http://localhost:${port}`;
  return betterAuth({
    baseURL,
    // Used to sign cookies. start.ts provides a per-database secret when none is configured.
    secret: process.env.AUTH_SECRET,
    trustedOrigins: [baseURL, `http://127.0.0.1:${port}`, `http://localhost:${port}`],
    database: prismaAdapter(prisma, { provider: 'postgresql' }),
    telemetry: { enabled: false },
    // Failed sign-ins are audited by lib/auth/sign-in.ts; Better Auth's own warnings would only repeat them.
    logger: { level: 'error' },
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an admin (or the first-run command), never by self sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: { expiresIn: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
    user: { additionalFields: { role: { type: 'string', input: false, required: false } } },
    // Our own limiter (lib/auth/sign-in.ts) covers sign-in for every path, per account and per address.
    rateLimit: { enabled: false },
    advanced: {
      // Better Auth skips its Origin check when NODE_ENV is "test"; tests get the checks production has.
      disableOriginCheck: false,
      database: { generateId: false },
      // Secure cookies need https; a production deployment sets APP_URL to its https origin.
      useSecureCookies: baseURL.startsWith('https:'),
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;

// One instance per process; pages and route handlers are bundled apart, so it lives on globalThis.
const store = globalThis as unknown as { auth?: Auth };

export function getAuth(): Auth {
  store.auth ??= createAuth();
  return store.auth;
}
