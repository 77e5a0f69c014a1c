import type { Role } from '@/lib/auth/permissions';

/** Shown once, at the first start: the passwords exist nowhere else in readable form. */
export function printDemoAccounts(accounts: Array<{ email: string; role: Role; password: string }>) {
  if (accounts.length === 0) return;
  const rows = accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(24)} ${a.password}`);
  console.log(
    [
      '',
      'Demo accounts (shown this once; write them down):',
      `  ${'ROLE'.padEnd(9)} ${'EMAIL'.padEnd(24)} PASSWORD`,
      ...rows,
      '',
    ].join('\n'),
  );
}
