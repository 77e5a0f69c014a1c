import type { Prisma } from '@/lib/db/prisma';
import { auditEventsInsert } from './audit-events-insert';

type Tx = Prisma.TransactionClient;

// Audit events are written with the change, inside the caller's transaction, so neither exists without the other.
export type AuditEventInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  documentId?: string | null;
  claimId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * One event. It goes through the same statement as several, so every event's id comes from the same counting
 * uuid7 and events written one after another in a transaction sort in that order.
 */
export function writeAuditEvent(tx: Tx, event: AuditEventInput) {
  return writeAuditEvents(tx, [event]);
}

/** Several events of one change in one statement (a save and the consensus change it caused, say). */
export async function writeAuditEvents(tx: Tx, events: AuditEventInput[]) {
  if (events.length === 0) return;
  const { sql, values } = auditEventsInsert(events);
  await tx.$executeRawUnsafe(sql, ...values);
}
