import { uuid7 } from '@/lib/db/uuid7';
import type { AuditEventInput } from './audit-event';

const COLUMNS = '(id, "actorId", action, "entityType", "entityId", "documentId", "claimId", before, after)';
const TYPES = ['uuid', 'uuid', 'text', 'text', 'text', 'uuid', 'uuid', 'jsonb', 'jsonb'];

/**
 * One multi-row INSERT for several audit events, with fresh ids in the order given (uuid7 counts up within a
 * millisecond, so the events sort as they were made). Raw SQL because a save writes it every time (ADR 0007);
 * every other audit event goes through it too, so all ids come from one generator. Shared with the benchmark's
 * baseline.
 */
export function auditEventsInsert(events: AuditEventInput[]): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const rows = events.map((event) => {
    const first = values.length;
    values.push(
      uuid7(),
      event.actorId,
      event.action,
      event.entityType,
      event.entityId,
      event.documentId ?? null,
      event.claimId ?? null,
      json(event.before),
      json(event.after),
    );
    return `(${TYPES.map((type, i) => `$${first + i + 1}::${type}`).join(', ')})`;
  });
  return { sql: `INSERT INTO "AuditEvent" ${COLUMNS} VALUES ${rows.join(', ')}`, values };
}

const json = (value: AuditEventInput['before']) => (value == null ? null : JSON.stringify(value));
