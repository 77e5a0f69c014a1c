import type { Role } from '@/lib/auth/permissions';
import type { ClaimStatus } from '@/lib/consensus/consensus';
import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { ReviewMode } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';
import { summaryClosedTo } from '@/lib/visibility';
import { type FrozenReview, readFrozenReview } from './frozen-review';

export type DocumentVersionView = {
  /** The document as it is now. */
  document: { id: string; title: string; textVersion: number; reviewMode: ReviewMode };
  version: {
    number: number;
    title: string;
    sourceUrl: string | null;
    author: string | null;
    /** YYYY-MM-DD */
    publishedOn: string | null;
    body: string;
    /** When the next version replaced it (ISO), and who imported that one; null once their account is gone. */
    supersededAt: string;
    supersededBy: string | null;
  };
  /**
   * Where that version's claims stood in its body, for the highlights; a status only with the review shown.
   * Empty when the frozen review cannot be read.
   */
  claims: Array<{ number: number; start: number; end: number; status: ClaimStatus | null }>;
  /**
   * `shown`: the review as it was, in `review`. `closed`: blind review keeps it from this reader, as it keeps
   * the summary. `unreadable`: the stored review is not one this app can read.
   */
  reviewState: 'shown' | 'closed' | 'unreadable';
  review: FrozenReview | null;
};

/**
 * One superseded version of a document, read-only: its text as it was, and its review as it was frozen when
 * the next version came in (ADR 0028). The caller has checked that the reader may read the document (the
 * page's guard, as for the summary); "not found" for an unknown or deleted document, and for a version number
 * that is not a whole number or that the document never had as an old version (its current one included,
 * which lives on the document itself).
 *
 * Blind review: the frozen review is the whole review, every reviewer's verdicts and the consensus, read as a
 * lead would. It is shown only to a reader to whom the summary is open today (summaryClosedTo, with the
 * document's mode now), the safe choice: hiding it claim by claim, as the workspace does, would go by the
 * reader's verdicts of then, yet a carried-over claim can be back in review now (its text changed), and its old
 * consensus would tell a reviewer what the others found before they judge it again. A reviewer under blind
 * review still reads the old text, its claims marked without their status.
 */
export async function getDocumentVersion(options: {
  documentId: string;
  number: string;
  reader: { role: Role };
}): Promise<DocumentVersionView> {
  const documentId = requireId(options.documentId, 'The document');
  const number = versionNumber(options.number);
  const [document, version] = await Promise.all([
    prisma.document.findFirst({
      where: { id: documentId, deletedAt: null },
      select: { id: true, title: true, textVersion: true, reviewMode: true },
    }),
    number === null
      ? null
      : prisma.documentVersion.findUnique({
          where: { documentId_number: { documentId, number } },
          select: {
            number: true,
            title: true,
            sourceUrl: true,
            author: true,
            publishedOn: true,
            body: true,
            supersededAt: true,
            supersededBy: { select: { name: true } },
            review: true,
          },
        }),
  ]);
  if (!document) throw notFound('The document');
  if (!version) throw notFound(`Version ${options.number} of this document`);

  const frozen = readFrozenReview(version.review);
  const closed = summaryClosedTo({ reviewMode: document.reviewMode, role: options.reader.role });
  return {
    document,
    version: {
      number: version.number,
      title: version.title,
      sourceUrl: version.sourceUrl,
      author: version.author,
      publishedOn: version.publishedOn?.toISOString().slice(0, 10) ?? null,
      body: version.body,
      supersededAt: version.supersededAt.toISOString(),
      supersededBy: version.supersededBy?.name ?? null,
    },
    claims: (frozen?.claims ?? []).map((c) => ({
      number: c.number,
      start: c.start,
      end: c.end,
      status: closed ? null : c.status,
    })),
    reviewState: !frozen ? 'unreadable' : closed ? 'closed' : 'shown',
    review: frozen && !closed ? frozen : null,
  };
}

// Versions are numbered from 1; anything else in the address names none (a 404, never a 500 from the cast).
function versionNumber(raw: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(raw)) return null;
  return Number(raw);
}
