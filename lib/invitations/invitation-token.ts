import crypto from 'node:crypto';

// An invitation link is its own credential: whoever holds it may join the project. It carries 32 random bytes,
// too many to guess, so the public page needs no rate limit of its own, and only the token's SHA-256 is stored,
// so the database alone (a backup, a replica) holds no link that works.

/** How long an invitation link stays good. */
export const INVITATION_DAYS = 14;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new token for a link, and the hash that is stored in its place. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The stored form of a token; null for anything that cannot be one, which then names no invitation. */
export function invitationTokenHash(token: unknown): string | null {
  return typeof token === 'string' && TOKEN.test(token) ? hashInvitationToken(token) : null;
}

function hashInvitationToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The link an invitee opens, on the address people use to reach the app. */
export function invitationLink(appUrl: string, token: string): string {
  return `${appUrl}/invitations/${token}`;
}

/** The path of an invitation's page, for a return trip through sign-in. */
export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}
