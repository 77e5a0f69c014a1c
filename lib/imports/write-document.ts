import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { uuid7 } from '@/lib/db/uuid7';
import type { ImportExtraction, ImportFormat } from '@/lib/documents/import-input';
import { slugify } from '@/lib/documents/slugify';
import { isUniqueViolation } from '@/lib/errors';
import { type ClaimBatch, claimBatch, wellFormed } from './claim-batch';

/**
 * Claims written per transaction (in statements of about 64 KB of rows each, claim-batch.ts). Each batch holds a
 * connection and its locks only briefly, and the server's thread handles one batch's rows at a time.
 */
export const CLAIMS_PER_BATCH = 1_000;

export type DocumentFields = {
  /** The project the document belongs to; its members are who may see it. */
  projectId: string;
  title: string;
  sourceUrl: string | null;
  author: string | null;
  publishedOn: Date | null;
  /** How the file was read, for the audit event (a CSV list of claims is stored as text). */
  importFormat: ImportFormat | 'PDF';
  /** Who imports it; null for the sample data loaded at first start. */
  actorId: string | null;
  slug?: string;
};

/** The file a document was read from, kept when its body is only the text extracted from it (a PDF). */
export type OriginalFile = { fileName: string; mediaType: string; bytes: Uint8Array };

/**
 * The claims to write, read one batch at a time: an import job keeps them in its worker thread and asks for
 * each batch as it is written, so the server's thread never holds them all, and receives each batch as the
 * rows to write (claim-batch.ts).
 */
export type ClaimSource = { total: number; read: (from: number, count: number) => Promise<ClaimBatch> };

/** The claims of an extraction held here, as a source. */
export function claimsOf(extraction: ImportExtraction): ClaimSource {
  return {
    total: extraction.claims.length,
    read: async (from, count) =>
      claimBatch({ claims: extraction.claims, sources: extraction.sources, from, count }),
  };
}

export type WriteDocumentOptions = {
  /** The document's text and sections; its claims come from `claims`. */
  extraction: Omit<ImportExtraction, 'claims' | 'sources'>;
  claims: ClaimSource;
  fields: DocumentFields;
  file?: OriginalFile;
  /** Everything in the caller's transaction (a small import, the sample data), visible when it commits. */
  tx?: Tx;
  /** Without tx: the import job that writes it, told which document is being written and how far it got. */
  job?: {
    /** Called in the transaction that creates the document, so a retry or a failure always finds it. */
    started: (tx: Tx, documentId: string) => Promise<void>;
    saved: (claims: number, total: number) => Promise<void>;
    /** Called in the last transaction, with the document revealed. */
    finished: (tx: Tx, documentId: string) => Promise<void>;
  };
};

/**
 * Writes an extracted document: the document and its sections, then its claims in batches, then the audit
 * event. Given a transaction, all of it is written there. Without one, each batch is a transaction of its own
 * and the document stays hidden (`deletedAt` set) until the last one reveals it (ADR 0016), so readers never
 * see half a document and no transaction holds thousands of rows' locks for long.
 */
export async function writeDocument(options: WriteDocumentOptions) {
  const { fields, tx } = options;
  const inOne = <T>(work: (tx: Tx) => Promise<T>) => (tx ? work(tx) : transaction(work));
  const created = await withFreeSlug(tx, async (t) => {
    const document = await createDocument(t, options);
    await options.job?.started(t, document.id);
    return document;
  });
  const total = options.claims.total;
  for (let from = 0; from < total; from += CLAIMS_PER_BATCH) {
    const batch = await options.claims.read(from, CLAIMS_PER_BATCH);
    await inOne((t) => insertClaims(t, options, created, batch));
    await options.job?.saved(Math.min(from + CLAIMS_PER_BATCH, total), total);
  }
  await inOne(async (t) => {
    if (options.file) {
      await t.documentFile.create({
        data: {
          documentId: created.id,
          fileName: options.file.fileName,
          mediaType: options.file.mediaType,
          bytes: Buffer.from(options.file.bytes),
        },
        select: { documentId: true },
      });
    }
    // Selecting only the id: Prisma would otherwise read the whole document back, its body with it.
    if (!tx) {
      await t.document.update({ where: { id: created.id }, data: { deletedAt: null }, select: { id: true } });
    }
    await writeAuditEvent(t, {
      actorId: fields.actorId,
      action: 'document.imported',
      entityType: 'Document',
      entityId: created.id,
      documentId: created.id,
      after: { title: fields.title, slug: created.slug, format: fields.importFormat, claims: total },
    });
    await options.job?.finished(t, created.id);
  });
  return { id: created.id, slug: created.slug, claims: total };
}

type CreatedDocument = { id: string; slug: string; sectionIds: string[] };

async function createDocument(tx: Tx, options: WriteDocumentOptions): Promise<CreatedDocument> {
  const { extraction, fields } = options;
  const slug = await takeSlug(tx, fields.slug ?? slugify(fields.title));
  const format = fields.importFormat === 'CSV' ? 'TEXT' : fields.importFormat;
  const project = await tx.project.findUniqueOrThrow({
    where: { id: fields.projectId },
    select: { blindByDefault: true },
  });
  const document = await tx.document.create({
    data: {
      slug,
      title: fields.title,
      sourceUrl: fields.sourceUrl,
      author: fields.author,
      publishedOn: fields.publishedOn,
      body: extraction.body,
      format,
      projectId: fields.projectId,
      reviewMode: project.blindByDefault ? 'BLIND' : 'OPEN',
      createdById: fields.actorId,
      // Written in batches: hidden until the last one commits.
      deletedAt: options.tx ? null : new Date(),
    },
    select: { id: true },
  });
  // One statement from one JSON parameter, as the claims are written: Prisma's createManyAndReturn held the
  // server's thread for 100–180 ms on an article's 200 sections, where this takes a few.
  const sectionIds = extraction.sections.map(() => uuid7());
  if (sectionIds.length > 0) {
    const rows = JSON.stringify(
      extraction.sections.map((s, i) => ({
        id: sectionIds[i],
        heading: wellFormed(s.heading),
        start: s.start,
        end: s.end,
      })),
    );
    await tx.$executeRaw`
      INSERT INTO "Section" (id, "documentId", heading, start, "end")
      SELECT s.id, ${document.id}::uuid, s.heading, s.start, s."end"
      FROM json_to_recordset(${rows}::json) AS s(id uuid, heading text, start int, "end" int)`;
  }
  return { id: document.id, slug, sectionIds };
}

/**
 * One batch of claims, a statement for each of its JSON arrays of rows (claim-batch.ts): a few hundred claims
 * cost one round trip, and the server's thread passes bytes on rather than building rows of parameters.
 */
async function insertClaims(
  tx: Tx,
  options: WriteDocumentOptions,
  document: CreatedDocument,
  batch: ClaimBatch,
) {
  // A claim's section is an index into the document's sections, whose ids were made when it was created.
  for (const rows of batch.rows) {
    // Sent as bytes (binary), which PostgreSQL reads as the json the cast asks for.
    await tx.$executeRaw`
      INSERT INTO "Claim" (id, "documentId", number, "sectionId", text, quote, start, "end", prefix, suffix, kind,
        hedged, "citesStudy", "references", "updatedAt")
      SELECT c.id, ${document.id}::uuid, c.number, (${document.sectionIds}::uuid[])[c."sectionIndex" + 1], c.text,
        c.quote, c.start, c."end", c.prefix, c.suffix, c.kind, c.hedged, c."citesStudy", c."references", now()
      FROM json_to_recordset(${rows}::json) AS c(id uuid, number int, "sectionIndex" int, text text,
        quote text, start int, "end" int, prefix text, suffix text, kind "ClaimKind", hedged boolean,
        "citesStudy" boolean, "references" jsonb)`;
  }
  // A CSV list of claims may name each claim's source: it becomes the claim's first citation.
  const actorId = options.fields.actorId;
  if (!actorId || batch.citations.length === 0) return;
  await tx.citation.createMany({
    data: batch.citations.map((citation) => ({
      ...citation,
      relation: 'MENTIONS' as const,
      note: 'From the imported CSV',
      createdById: actorId,
    })),
  });
}

const SLUG_ATTEMPTS = 3;

/** Creates the document; when another import took its slug between our look and our insert, looks again. */
async function withFreeSlug<T>(tx: Tx | undefined, create: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return create(tx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(create);
    } catch (e) {
      // A title whose slug only looks like ours ("LDN 2" beside a second "LDN") can race us to base-2.
      if (attempt >= SLUG_ATTEMPTS || !isUniqueViolation(e, 'Document_slug_key')) throw e;
    }
  }
}

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
