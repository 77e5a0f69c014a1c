import type { Prisma } from '@/lib/db/prisma';
import type { Sql } from '@/lib/db/sql';
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
export async function writeAuditEvent(tx: Tx, event: AuditEventInput) {
  const { sql, values } = auditEventsInsert([event]);
  await tx.$executeRawUnsafe(sql, ...values);
}

/**
 * Several events of one change in one statement (a save and the consensus change it caused), on the save's own
 * connection (lib/db/sql.ts), the one writer that is not in a Prisma transaction.
 */
export async function writeAuditEvents(sql: Sql, events: AuditEventInput[]) {
  if (events.length === 0) return;
  const insert = auditEventsInsert(events);
  await sql.run(insert.sql, insert.values);
}
