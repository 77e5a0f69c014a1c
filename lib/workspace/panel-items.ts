// The rows of the claim panel, selected and shaped once, so that the panel and the actions that add to it
// (a new citation, comment or adjudication) hand the workspace exactly the same item.
import { citationUrl } from '@/lib/citations/citation-identifier';
import { shortAuthors } from '@/lib/citations/citation-words';
import type { CitationSourceRow } from '@/lib/citations/find-citation-sources';
import { STUDY_DESIGN_LABEL, suggestStudyDesign } from '@/lib/citations/study-design';
import type { Prisma } from '@/lib/db/prisma';
import type {
  PanelAdjudication,
  PanelCitation,
  PanelCitationSource,
  PanelComment,
} from './claim-panel-types';

const NAME = { select: { name: true } } as const;

export const CITATION_ITEM = {
  id: true,
  kind: true,
  identifier: true,
  title: true,
  studyDesign: true,
  relation: true,
  note: true,
  createdAt: true,
  createdBy: NAME,
} as const satisfies Prisma.CitationSelect;

/** `source`: the cache's row for the citation's PMID or DOI (find-citation-sources.ts), if it has one yet. */
export function toCitationItem(
  row: Prisma.CitationGetPayload<{ select: typeof CITATION_ITEM }>,
  source?: CitationSourceRow,
): PanelCitation {
  return {
    id: row.id,
    kind: row.kind,
    identifier: row.identifier,
    url: citationUrl(row),
    title: row.title,
    studyDesign: row.studyDesign,
    relation: row.relation,
    note: row.note,
    addedBy: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    source: row.kind === 'URL' ? null : toCitationSource(source),
  };
}

function toCitationSource(row: CitationSourceRow | undefined): PanelCitationSource {
  if (row?.status !== 'FOUND') {
    return {
      status: row?.status ?? 'PENDING',
      title: null,
      journal: null,
      year: null,
      authors: null,
      publicationTypes: [],
      fetchedAt: row?.fetchedAt?.toISOString() ?? null,
      suggestion: null,
    };
  }
  const suggested = suggestStudyDesign(row);
  return {
    status: row.status,
    title: row.title,
    journal: row.journal,
    year: row.year,
    authors: shortAuthors(row.authors),
    publicationTypes: row.publicationTypes,
    fetchedAt: row.fetchedAt?.toISOString() ?? null,
    suggestion: suggested && { ...suggested, label: STUDY_DESIGN_LABEL[suggested.design] },
  };
}

export const COMMENT_ITEM = {
  id: true,
  parentId: true,
  body: true,
  createdAt: true,
  resolvedAt: true,
  version: true,
  author: NAME,
  resolvedBy: NAME,
} as const satisfies Prisma.CommentSelect;

export function toCommentItem(row: Prisma.CommentGetPayload<{ select: typeof COMMENT_ITEM }>): PanelComment {
  return {
    id: row.id,
    parentId: row.parentId,
    body: row.body,
    author: row.author.name,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy?.name ?? null,
    version: row.version,
  };
}

export const ADJUDICATION_ITEM = {
  id: true,
  verdict: true,
  evidenceLevel: true,
  note: true,
  createdAt: true,
  adjudicator: NAME,
} as const satisfies Prisma.AdjudicationSelect;

export function toAdjudicationItem(
  row: Prisma.AdjudicationGetPayload<{ select: typeof ADJUDICATION_ITEM }>,
): PanelAdjudication {
  return {
    id: row.id,
    adjudicator: row.adjudicator.name,
    verdict: row.verdict,
    evidenceLevel: row.evidenceLevel,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
