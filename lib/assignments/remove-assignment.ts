import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';

/**
 * A lead takes an assignment back. It must be one on this document, the one the lead's access was checked
 * against, so naming another project's assignment answers "not found". The reviewer's assessments stay.
 */
export async function removeAssignment(options: {
  assignmentId: string;
  documentId: string;
  actorId: string;
  tx?: Tx;
}): Promise<{ id: string }> {
  const assignmentId = requireId(options.assignmentId, 'The assignment');
  const documentId = requireId(options.documentId, 'The document');
  const run = async (tx: Tx) => {
    const [removed] = await tx.$queryRaw<
      { reviewerId: string; fromNumber: number | null; toNumber: number | null }[]
    >`
      DELETE FROM "Assignment" WHERE id = ${assignmentId}::uuid AND "documentId" = ${documentId}::uuid
      RETURNING "reviewerId"::text AS "reviewerId", "fromNumber", "toNumber"`;
    if (!removed) throw notFound('The assignment');
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'assignment.removed',
      entityType: 'Assignment',
      entityId: assignmentId,
      documentId,
      before: removed,
    });
    return { id: assignmentId };
  };
  return options.tx ? run(options.tx) : transaction(run);
}
