import type { Tx } from '@/lib/db/prisma';
import { prisma } from '@/lib/db/prisma';
import { citationSourceKey } from './citation-identifier';

export const CITATION_SOURCE_ROW = {
  kind: true,
  identifier: true,
  status: true,
  title: true,
  journal: true,
  year: true,
  authors: true,
  publicationTypes: true,
  fetchedAt: true,
} as const;

export type CitationSourceRow = {
  kind: 'PMID' | 'DOI' | 'URL';
  identifier: string;
  status: 'PENDING' | 'FOUND' | 'NOT_FOUND' | 'UNREACHABLE';
  title: string | null;
  journal: string | null;
  year: number | null;
  authors: string[];
  publicationTypes: string[];
  fetchedAt: Date | null;
};

/** What the cache holds on these citations' PMIDs and DOIs, by citation id; none for a web address. */
export async function findCitationSources(
  citations: ReadonlyArray<{ id: string; kind: 'PMID' | 'DOI' | 'URL'; identifier: string }>,
  db: Tx = prisma,
): Promise<Map<string, CitationSourceRow>> {
  const keyed = citations.flatMap((c) => {
    const key = citationSourceKey(c);
    return key ? [{ id: c.id, ...key }] : [];
  });
  if (keyed.length === 0) return new Map();
  const rows = await db.citationSource.findMany({
    where: { OR: keyed.map(({ kind, identifier }) => ({ kind, identifier })) },
    select: CITATION_SOURCE_ROW,
  });
  const byKey = new Map(rows.map((r) => [`${r.kind} ${r.identifier}`, r]));
  return new Map(
    keyed.flatMap((c) => {
      const row = byKey.get(`${c.kind} ${c.identifier}`);
      return row ? [[c.id, row] as const] : [];
    }),
  );
}
