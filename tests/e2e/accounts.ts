import type { Role } from '@/lib/auth/permissions';

// The browser tests' own accounts, created by tests/e2e/serve.ts through the real createUser use case.
export const ACCOUNTS = {
  admin: { name: 'Test Admin', email: 'admin@e2e.test', password: 'admin-password-e2e', role: 'ADMIN' },
  reviewer: {
    name: 'Test Reviewer',
    email: 'reviewer@e2e.test',
    password: 'reviewer-password-e2e',
    role: 'REVIEWER',
  },
  reviewer2: {
    name: 'Second Reviewer',
    email: 'reviewer2@e2e.test',
    password: 'reviewer2-password-e2e',
    role: 'REVIEWER',
  },
  viewer: { name: 'Test Viewer', email: 'viewer@e2e.test', password: 'viewer-password-e2e', role: 'VIEWER' },
  // Spent by the sign-in limit test, so the lock-out it causes never reaches an account other tests use.
  lockout: {
    name: 'Locked Out',
    email: 'lockout@e2e.test',
    password: 'lockout-password-e2e',
    role: 'VIEWER',
  },
  // Signed in with by the fuzz test alone, whose hostile `next` values need a sign-in that succeeds.
  fuzz: { name: 'Fuzz Account', email: 'fuzz@e2e.test', password: 'fuzz-password-e2e', role: 'REVIEWER' },
} as const satisfies Record<string, { name: string; email: string; password: string; role: Role }>;

export type AccountName = keyof typeof ACCOUNTS;
