import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';

/** Everything an export needs, in document order: the review data, unformatted. */
export async function getReviewExport(options: { documentId: string }) {
  requireId(options.documentId, 'The document');
  const document = await prisma.document.findFirst({
    where: { id: options.documentId, deletedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      sourceUrl: true,
      author: true,
      publishedOn: true,
      body: true,
      createdAt: true,
      claims: {
        where: { deletedAt: null },
        orderBy: { start: 'asc' },
        select: {
          id: true,
          text: true,
          quote: true,
          start: true,
          end: true,
          prefix: true,
          suffix: true,
          kind: true,
          hedged: true,
          consensusVerdict: true,
          consensusEvidenceLevel: true,
          section: { select: { heading: true } },
          assessments: {
            orderBy: { createdAt: 'asc' },
            select: {
              verdict: true,
              evidenceLevel: true,
              certainty: true,
              downgradeReasons: true,
              rationale: true,
              updatedAt: true,
              reviewer: { select: { name: true, email: true } },
            },
          },
          comments: {
            where: { deletedAt: null },
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              body: true,
              createdAt: true,
              resolvedAt: true,
              author: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!document) throw notFound('The document');
  return document;
}

export type ReviewExportData = Awaited<ReturnType<typeof getReviewExport>>;
