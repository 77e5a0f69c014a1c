import { hash, verify } from '@node-rs/argon2';

// argon2id at OWASP's minimum (m = 19 MiB, t = 2, p = 1). Better Auth's default scrypt settings are below
// OWASP's scrypt minimum, so it uses these instead.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }) {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
