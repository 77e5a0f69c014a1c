import type { Role } from '@/lib/auth/permissions';
import { CLAIM_STATUSES, type ClaimStatus, claimStatus } from '@/lib/consensus/consensus';
import { Prisma } from '@/lib/db/generated/client';
import { type ReadFrom, readClient } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { EVIDENCE_LEVELS, type EvidenceLevel, VERDICTS, type Verdict } from '@/lib/domain/vocabulary';
import { readEnv } from '@/lib/env';
import { AppError, notFound } from '@/lib/errors';
import { assertSummaryOpen } from '@/lib/visibility';
import { loadDocumentAgreement } from './load-document-agreement';
import { isoTimestampSql, reviewFilterSql } from './review-sql';
import type { ReviewFilter, ReviewHeader, VersionChangeList, VersionChanges } from './review-types';

type StatusGroup = {
  verdict: Verdict | null;
  level: EvidenceLevel | null;
  /** Reviewers who gave a verdict. */
  assessed: number;
  textChanged: boolean;
  claims: number;
};

/**
 * Everything a summary or export shows above its claims. Counts and the chart cover the claims the filter
 * selects and come from SQL aggregates, so their cost does not grow in memory with the document; reviewers,
 * review dates and agreement describe the whole review whatever the filter. "Not found" for an unknown,
 * malformed or deleted document; then "forbidden" for a reader to whom blind review closes the summary
 * (lib/visibility.ts), so a reviewer learns nothing about a document that does not exist; then "not found" for
 * a section filter naming a section of another document (isMissingSection). Read from the primary unless `from`
 * says the replica (readMayLag in lib/db/replica-reads.ts).
 */
export async function loadReviewHeader(options: {
  documentId: string;
  reader: { role: Role };
  filter: ReviewFilter;
  appUrl: string;
  exportedAt: Date;
  from?: ReadFrom;
}): Promise<ReviewHeader> {
  const documentId = requireId(options.documentId, 'The document');
  const prisma = readClient(options.from ?? 'primary');
  const live = Prisma.sql`c."documentId" = ${documentId}::uuid AND c."deletedAt" IS NULL`;
  const [document, sections, groups, periods, reviewers, agreement, changeGroups] = await Promise.all([
    prisma.document.findFirst({
      where: { id: documentId, deletedAt: null },
      select: {
        id: true,
        slug: true,
        title: true,
        sourceUrl: true,
        author: true,
        publishedOn: true,
        reviewMode: true,
        body: true,
        textVersion: true,
        project: { select: { reviewersRequired: true } },
      },
    }),
    // The sections a reader can filter by: those that hold a live claim, and the one filtered by, if any.
    prisma.section.findMany({
      where: {
        documentId,
        OR: [
          { claims: { some: { deletedAt: null } } },
          ...(options.filter.sectionId ? [{ id: options.filter.sectionId }] : []),
        ],
      },
      orderBy: { start: 'asc' },
      select: { id: true, heading: true },
    }),
    prisma.$queryRaw<StatusGroup[]>`
      SELECT c."consensusVerdict" AS verdict, c."consensusEvidenceLevel" AS level,
        (SELECT count(*)::int FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS assessed,
        c."textChangedAt" IS NOT NULL AS "textChanged", count(*)::int AS claims
      FROM "Claim" c
      WHERE ${live} AND ${reviewFilterSql(options.filter)}
      GROUP BY 1, 2, 3, 4`,
    prisma.$queryRaw<Array<{ first: string | null; last: string | null }>>`
      SELECT ${isoTimestampSql('min(a."createdAt")')} AS first, ${isoTimestampSql('max(a."updatedAt")')} AS last
      FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId"
      WHERE ${live}`,
    prisma.$queryRaw<Array<{ id: string; name: string }>>`
      SELECT u.id, u.name FROM "User" u
      WHERE u.id IN (SELECT a."reviewerId" FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId" WHERE ${live})
      ORDER BY u.name, u.id`,
    loadDocumentAgreement({ documentId, from: options.from }),
    loadVersionChanges(prisma, documentId),
  ]);
  if (!document) throw notFound('The document');
  assertSummaryOpen({ reviewMode: document.reviewMode, role: options.reader.role });
  if (options.filter.sectionId && !sections.some((s) => s.id === options.filter.sectionId)) {
    throw notFound(MISSING_SECTION);
  }
  const env = readEnv();
  return {
    schemaVersion: 2,
    exportedAt: options.exportedAt.toISOString(),
    appDocumentUrl: `${options.appUrl}/documents/${document.id}`,
    organisation: { name: env.REVIEW_ORGANISATION_NAME, url: env.REVIEW_ORGANISATION_URL ?? null },
    document: {
      id: document.id,
      slug: document.slug,
      title: document.title,
      // Imports take only http(s) addresses, but rows stored before that check may hold anything; every export
      // writes the source as a link, so anything else counts as no source.
      sourceUrl: document.sourceUrl && /^https?:\/\//i.test(document.sourceUrl) ? document.sourceUrl : null,
      author: document.author,
      publishedOn: document.publishedOn?.toISOString().slice(0, 10) ?? null,
      reviewMode: document.reviewMode,
      body: document.body,
      version: document.textVersion,
      changes: versionChanges(document.textVersion, changeGroups),
    },
    reviewersRequired: document.project.reviewersRequired,
    reviewers,
    reviewPeriod: { first: periods[0]?.first ?? null, last: periods[0]?.last ?? null },
    filter: options.filter,
    sections,
    ...countsAndChart(groups, document.project.reviewersRequired),
    agreement,
    changeList: document.textVersion === 1 ? null : versionChangeList(changeGroups),
  };
}

type ChangeRow = {
  number: number;
  quote: string;
  before: string | null;
  verdict: Verdict | null;
  level: EvidenceLevel | null;
};

/** One status of the current version's re-anchoring: how many claims, and those named in the change list. */
type ChangeGroup = { status: string; claims: number; rows: ChangeRow[] };

/**
 * What the current version's import did with the claims, by status, in one query: the counts, and the claims
 * the change list names (changed, orphaned, added; kept and moved ones are only counted). Orphans are set apart
 * (deleted) but counted and listed; a claim a reviewer deleted since is neither.
 */
function loadVersionChanges(prisma: ReturnType<typeof readClient>, documentId: string) {
  return prisma.$queryRaw<ChangeGroup[]>`
    SELECT c."reanchorStatus"::text AS status, count(*)::int AS claims,
      COALESCE(json_agg(json_build_object('number', c.number, 'quote', c.quote, 'before', c."quoteBeforeChange",
          'verdict', c."consensusVerdict", 'level', c."consensusEvidenceLevel") ORDER BY c.number)
        FILTER (WHERE c."reanchorStatus" IN ('CHANGED', 'ORPHANED', 'ADDED')), '[]') AS rows
    FROM "Claim" c JOIN "Document" d ON d.id = c."documentId"
    WHERE c."documentId" = ${documentId}::uuid AND c."reanchoredIn" = d."textVersion"
      AND (c."deletedAt" IS NULL OR c."reanchorStatus" = 'ORPHANED')
    GROUP BY 1`;
}

function versionChangeList(groups: readonly ChangeGroup[]): VersionChangeList {
  const rowsOf = (status: string) => groups.find((g) => g.status === status)?.rows ?? [];
  return {
    changed: rowsOf('CHANGED').map((row) => ({
      number: row.number,
      before: row.before ?? row.quote,
      after: row.quote,
    })),
    orphaned: rowsOf('ORPHANED').map((row) => ({
      number: row.number,
      quote: row.quote,
      verdict: row.verdict,
      evidenceLevel: row.level,
    })),
    added: rowsOf('ADDED').map((row) => ({ number: row.number, quote: row.quote })),
  };
}

const MISSING_SECTION = 'The section';

function versionChanges(version: number, groups: readonly ChangeGroup[]): VersionChanges | null {
  if (version === 1) return null;
  const changes: VersionChanges = {
    since: version - 1,
    kept: 0,
    moved: 0,
    changed: 0,
    orphaned: 0,
    added: 0,
  };
  for (const { status, claims } of groups) {
    const key = status.toLowerCase() as Exclude<keyof VersionChanges, 'since'>;
    if (key in changes) changes[key] = claims;
  }
  return changes;
}

/** Whether loadReviewHeader refused because the filter names a section that the document does not have. */
export function isMissingSection(error: unknown): error is AppError {
  return (
    error instanceof AppError &&
    error.code === 'NOT_FOUND' &&
    error.message === notFound(MISSING_SECTION).message
  );
}

function countsAndChart(groups: StatusGroup[], required: number): Pick<ReviewHeader, 'counts' | 'chart'> {
  const counts = Object.fromEntries([...CLAIM_STATUSES, 'total'].map((s) => [s, 0])) as Record<
    ClaimStatus | 'total',
    number
  >;
  const chart = Object.fromEntries(
    VERDICTS.map((v) => [v, Object.fromEntries([...EVIDENCE_LEVELS, 'UNSET'].map((l) => [l, 0]))]),
  ) as ReviewHeader['chart'];
  for (const group of groups) {
    const { verdict, assessed, textChanged } = group;
    counts[claimStatus({ consensusVerdict: verdict, assessed, required, textChanged })] += group.claims;
    counts.total += group.claims;
    if (group.verdict) chart[group.verdict][group.level ?? 'UNSET'] += group.claims;
  }
  return { counts, chart };
}
