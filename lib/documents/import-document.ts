import { writeAuditEvent } from '@/lib/audit/audit-event';
import { parseCitationIdentifier } from '@/lib/citations/citation-identifier';
import { type Tx, transaction } from '@/lib/db/prisma';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { extractImport, IMPORT_MAX_BYTES, type ImportFormat } from './import-input';
import { slugify } from './slugify';

export type ImportDocumentOptions = {
  text: string;
  format: ImportFormat;
  title?: string | null;
  sourceUrl?: string | null;
  author?: string | null;
  publishedOn?: Date | null;
  /** Who imports it; null for the sample data loaded at first start. */
  actorId: string | null;
  slug?: string;
  tx?: Tx;
};

/**
 * Splits an article (or a CSV list of claims) into claims and stores the document, its sections and claims in
 * one transaction: either all of it is saved or none. Title, author and date default to what the text shows.
 */
export async function importDocument(options: ImportDocumentOptions) {
  if (Buffer.byteLength(options.text, 'utf8') > IMPORT_MAX_BYTES) {
    throw new AppError(
      'VALIDATION',
      'The text is over the 2 MB limit. Split the article and import the parts.',
      {
        text: 'The text is over the 2 MB limit.',
      },
    );
  }
  const result = extractImport({ text: options.text, format: options.format });
  if (!result.ok) throw new AppError('VALIDATION', result.error, { text: result.error });
  const extraction = result.extraction;
  const title = options.title?.trim() || extraction.title || 'Untitled document';
  const publishedOn =
    options.publishedOn ?? (extraction.publishedAt ? new Date(extraction.publishedAt) : null);
  const format = options.format === 'CSV' ? 'TEXT' : options.format;

  const run = async (tx: Tx) => {
    const slug = await takeSlug(tx, options.slug ?? slugify(title));
    const document = await tx.document.create({
      data: {
        slug,
        title,
        sourceUrl: options.sourceUrl || null,
        author: options.author?.trim() || extraction.author || null,
        publishedOn,
        body: extraction.body,
        format,
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
    const claims = await tx.claim.createManyAndReturn({
      // The extractor lists claims in document order, so their numbers start in document order too.
      data: extraction.claims.map((c, i) => {
        const section = c.sectionIndex === null ? undefined : extraction.sections[c.sectionIndex];
        return {
          documentId: document.id,
          number: i + 1,
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
      select: { id: true },
    });
    if (options.actorId && extraction.sources) {
      const citations = claims.flatMap((claim, i) => {
        const parsed = parseCitationIdentifier(extraction.sources?.[i] ?? '');
        return parsed
          ? [
              {
                claimId: claim.id,
                ...parsed,
                relation: 'MENTIONS' as const,
                note: 'From the imported CSV',
                createdById: options.actorId as string,
              },
            ]
          : [];
      });
      if (citations.length) await tx.citation.createMany({ data: citations });
    }
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'document.imported',
      entityType: 'Document',
      entityId: document.id,
      documentId: document.id,
      after: { title, slug, format: options.format, claims: claims.length },
    });
    return { id: document.id, slug, claims: claims.length };
  };
  if (options.tx) return run(options.tx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(run);
    } catch (e) {
      // Another import took this slug between our look and our insert (a title whose slug only looks like
      // ours, such as "LDN 2" beside a second "LDN"): look again.
      if (attempt >= SLUG_ATTEMPTS || !isUniqueViolation(e, 'Document_slug_key')) throw e;
    }
  }
}

const SLUG_ATTEMPTS = 3;

/**
 * The base slug, or the first free `base-2`, `base-3`…. Imports of the same title take turns here (the lock is
 * held until commit), so concurrent imports of one title each get their own slug.
 */
async function takeSlug(tx: Tx, base: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`document-slug:${base}`}))`;
  const taken = new Set(
    (await tx.document.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (d) => d.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
