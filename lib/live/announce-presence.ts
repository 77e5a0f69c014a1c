import { prisma } from '@/lib/db/prisma';
import type { PresenceAnnouncement } from './presence';

/**
 * Tells every instance that a reader is on a claim of a document (or, with claimId null, has left it), through
 * PostgreSQL's NOTIFY and nothing else: presence is held in memory only (lib/live/presence.ts), never written.
 * The caller has checked the reader's session and membership of the document.
 */
export async function announcePresence(note: PresenceAnnouncement): Promise<void> {
  await prisma.$executeRaw`SELECT pg_notify('review_presence', ${JSON.stringify(note)})`;
}
