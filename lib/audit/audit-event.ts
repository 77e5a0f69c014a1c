import type { Prisma } from '@/lib/db/prisma';

type Tx = Prisma.TransactionClient;

// Audit events are written with the change, inside the caller's transaction, so neither exists without the other.
export function writeAuditEvent(
  tx: Tx,
  event: {
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    documentId?: string | null;
    claimId?: string | null;
    before?: Prisma.InputJsonValue | null;
    after?: Prisma.InputJsonValue | null;
  },
) {
  const { before, after, ...rest } = event;
  return tx.auditEvent.create({
    data: { ...rest, before: before ?? undefined, after: after ?? undefined },
  });
}
