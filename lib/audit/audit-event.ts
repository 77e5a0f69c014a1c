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

export function writeAuditEvent(tx: Tx, event: AuditEventInput) {
  return tx.auditEvent.create({ data: row(event) });
}

/** Several events of one change in one statement (a save and the consensus change it caused, say). */
export async function writeAuditEvents(tx: Tx, events: AuditEventInput[]) {
  if (events.length === 0) return;
  const { sql, values } = auditEventsInsert(events);
  await tx.$executeRawUnsafe(sql, ...values);
}

function row({ before, after, ...rest }: AuditEventInput) {
  return { ...rest, before: before ?? undefined, after: after ?? undefined };
}
