import { prisma } from '@/lib/db/prisma';

/**
 * A document's sections and live claims in document order, with the reader's own assessment of each.
 * Callers find the document first (findDocument), which answers "not found" for ids the reader may not see.
 */
export async function listDocumentClaims(options: { documentId: string; userId: string }) {
  const [sections, claims] = await Promise.all([
    prisma.section.findMany({
      where: { documentId: options.documentId },
      orderBy: { start: 'asc' },
      select: { id: true, heading: true },
    }),
    prisma.claim.findMany({
      where: { documentId: options.documentId, deletedAt: null, document: { deletedAt: null } },
      orderBy: { start: 'asc' },
      select: {
        id: true,
        text: true,
        quote: true,
        start: true,
        end: true,
        kind: true,
        hedged: true,
        sectionId: true,
        consensusVerdict: true,
        consensusEvidenceLevel: true,
        version: true,
        assessments: { select: { reviewerId: true, verdict: true, evidenceLevel: true, version: true } },
        comments: {
          where: { deletedAt: null },
          orderBy: { createdAt: 'asc' },
          select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
        },
      },
    }),
  ]);
  return {
    sections,
    claims: claims.map(({ assessments, ...claim }) => ({
      ...claim,
      reviewed: assessments.some((a) => a.verdict !== null),
      assessmentCount: assessments.filter((a) => a.verdict !== null).length,
      mine: assessments.find((a) => a.reviewerId === options.userId) ?? null,
    })),
  };
}
