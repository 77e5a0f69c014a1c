import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import { describeRange } from './assignment-range';

export type AssignedReview = {
  id: string;
  reviewerId: string;
  fromNumber: number | null;
  toNumber: number | null;
};

/**
 * A lead gives a reviewer a document to review, or a range of its claims by number (inclusive; both ends null:
 * the whole document). Only a lead or reviewer of the document's project can be assigned: a viewer could not
 * give a verdict. The caller has checked that the actor leads the project ('project.manage').
 */
export async function assignReview(options: {
  documentId: string;
  reviewerId: string;
  fromNumber: number | null;
  toNumber: number | null;
  actorId: string;
  tx?: Tx;
}): Promise<AssignedReview> {
  const documentId = requireId(options.documentId, 'The document');
  const { fromNumber, toNumber } = options;
  checkRangeShape(fromNumber, toNumber);
  const run = async (tx: Tx) => {
    const [document] = await tx.$queryRaw<
      { projectId: string; lowest: number | null; highest: number | null }[]
    >`
      SELECT d."projectId"::text AS "projectId", min(c.number) AS lowest, max(c.number) AS highest
      FROM "Document" d
      LEFT JOIN "Claim" c ON c."documentId" = d.id AND c."deletedAt" IS NULL
      WHERE d.id = ${documentId}::uuid AND d."deletedAt" IS NULL
      GROUP BY d.id`;
    if (!document) throw notFound('The document');
    if (fromNumber !== null && toNumber !== null) {
      const { lowest, highest } = document;
      if (lowest === null || highest === null) {
        throw rangeError('This document has no claims yet, so there is no range to assign.');
      }
      if (fromNumber < lowest || toNumber > highest) {
        throw rangeError(
          `The claims of this document run from #${lowest} to #${highest}; choose a range within them.`,
        );
      }
    }
    const reviewerId = await assignableReviewer(tx, document.projectId, options.reviewerId);
    const same = await tx.assignment.findFirst({
      where: { documentId, reviewerId, fromNumber, toNumber },
      select: { id: true },
    });
    if (same) {
      const message = `This reviewer already has ${describeRange(fromNumber, toNumber)}.`;
      throw new AppError('CONFLICT', message, { reviewerId: message });
    }
    const assignment = await tx.assignment.create({
      data: {
        projectId: document.projectId,
        documentId,
        reviewerId,
        fromNumber,
        toNumber,
        assignedById: options.actorId,
      },
      select: { id: true, reviewerId: true, fromNumber: true, toNumber: true },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'assignment.created',
      entityType: 'Assignment',
      entityId: assignment.id,
      documentId,
      after: { reviewerId, fromNumber, toNumber },
    });
    return assignment;
  };
  return options.tx ? run(options.tx) : transaction(run);
}

function checkRangeShape(fromNumber: number | null, toNumber: number | null) {
  if ((fromNumber === null) !== (toNumber === null)) {
    throw rangeError('Give both ends of the range, or neither to assign the whole document.');
  }
  if (fromNumber === null || toNumber === null) return;
  if (!Number.isInteger(fromNumber) || !Number.isInteger(toNumber) || fromNumber < 1 || toNumber < 1) {
    throw rangeError('A range is two claim numbers, such as #12 to #40.');
  }
  if (fromNumber > toNumber) {
    throw rangeError(`The range starts after it ends: #${fromNumber} is above #${toNumber}.`);
  }
}

function rangeError(message: string): AppError {
  return new AppError('VALIDATION', message, { range: message });
}

/** The reviewer, if they are a lead or reviewer of the project; any other user gets one answer, whoever they are. */
async function assignableReviewer(tx: Tx, projectId: string, id: string): Promise<string> {
  const refuse = (message: string) => new AppError('VALIDATION', message, { reviewerId: message });
  let reviewerId: string;
  try {
    reviewerId = requireId(id, 'The reviewer');
  } catch {
    throw refuse('Choose a reviewer from the project’s members.');
  }
  const member = await tx.projectMember.findUnique({
    where: { projectId_userId: { projectId, userId: reviewerId } },
    select: { role: true, user: { select: { deactivatedAt: true } } },
  });
  if (!member || member.user.deactivatedAt) {
    throw refuse('Only a member of this project can be assigned. Add them to the project first.');
  }
  if (member.role === 'VIEWER') {
    throw refuse('A viewer cannot give verdicts. Make them a reviewer in this project to assign them.');
  }
  return reviewerId;
}
