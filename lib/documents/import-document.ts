import { writeAuditEvent } from '@/lib/audit/audit-event';
import { extractClaims } from '@/lib/claims/extract-claims';
import type { SourceFormat } from '@/lib/claims/types';
import { type Prisma, prisma } from '@/lib/db/prisma';
import { slugify } from './slugify';

export type ImportDocumentOptions = {
  text: string;
  format: SourceFormat;
  title?: string;
  sourceUrl?: string | null;
  author?: string | null;
  publishedOn?: Date | null;
  /** Who imports it; null for the sample data loaded at first start. */
  actorId: string | null;
  slug?: string;
  tx?: Prisma.TransactionClient;
};

/** Splits an article into claims and stores the document, its sections and claims in one transaction. */
export async function importDocument(options: ImportDocumentOptions) {
  const extraction = extractClaims({ text: options.text, format: options.format });
  const title = options.title?.trim() || extraction.title || 'Untitled document';
  const run = async (tx: Prisma.TransactionClient) => {
    const slug = await uniqueSlug(tx, options.slug ?? slugify(title));
    const document = await tx.document.create({
      data: {
        slug,
        title,
        sourceUrl: options.sourceUrl ?? null,
        author: options.author ?? null,
        publishedOn: options.publishedOn ?? null,
        body: extraction.body,
        format: options.format,
        createdById: options.actorId,
      },
    });
    const sections = await tx.section.createManyAndReturn({
      data: extraction.sections.map((s) => ({
        documentId: document.id,
        heading: s.heading,
        start: s.start,
        end: s.end,
      })),
      select: { id: true, start: true },
    });
    const sectionIdByStart = new Map(sections.map((s) => [s.start, s.id]));
    await tx.claim.createMany({
      data: extraction.claims.map((c) => {
        const section = c.sectionIndex === null ? undefined : extraction.sections[c.sectionIndex];
        return {
          documentId: document.id,
          sectionId: section ? sectionIdByStart.get(section.start) : null,
          text: c.text,
          quote: c.quote,
          start: c.start,
          end: c.end,
          prefix: c.prefix,
          suffix: c.suffix,
          kind: c.kind,
          hedged: c.hedged,
        };
      }),
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'document.imported',
      entityType: 'Document',
      entityId: document.id,
      documentId: document.id,
      after: { title, slug, format: options.format, claims: extraction.claims.length },
    });
    return { id: document.id, slug, claims: extraction.claims.length };
  };
  return options.tx ? run(options.tx) : prisma.$transaction(run, { timeout: 60_000 });
}

async function uniqueSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set(
    (await tx.document.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (d) => d.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
