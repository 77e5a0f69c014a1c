import { type AuditEventInput, writeAuditEvent } from '@/lib/audit/audit-event';
import { CLAIM_FIELDS } from '@/lib/claim-edits/live-claim';
import { consensusClearedByTextChange } from '@/lib/consensus/update-consensus';
import { type Prisma, type Tx, transaction } from '@/lib/db/prisma';
import { documentFields } from '@/lib/documents/import-document';
import {
  extractImport,
  IMPORT_MAX_BYTES,
  type ImportExtraction,
  type ImportFormat,
} from '@/lib/documents/import-input';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import { jsonExport } from '@/lib/exports/json-exports';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import { oneLine, quoteContext } from '@/lib/extraction/sentences';
import type { ClaimReference } from '@/lib/extraction/study-citations';
import type { ExtractedClaim, ExtractedSection } from '@/lib/extraction/types';
import { claimBatch } from '@/lib/imports/claim-batch';
import { readInWorker } from '@/lib/imports/extract-in-worker';
import { claimsInRanges, type ReanchoredClaim, reanchorClaims, uncoveredRanges } from './reanchor-claims';

/**
 * The new text, as an import takes it (cleaned at the boundary), in a text format; or a PDF as it was sent
 * (checked at the door by readPdfUpload), whose text the import worker reads.
 */
type NewText =
  | { text: string; format: ImportFormat }
  | { format: 'PDF'; file: { fileName: string; bytes: Uint8Array } };

export type ImportNewVersionOptions = NewText & {
  documentId: string;
  /** Left out, the document keeps its own, unless the new text states one. */
  title?: string | null;
  author?: string | null;
  sourceUrl?: string | null;
  publishedOn?: Date | null;
  actorId: string;
  /** For the links in the frozen review of the version superseded. */
  appUrl: string;
};

/** What happened to the claims: how many of each status, and the number of the new version. */
export type VersionCounts = {
  version: number;
  kept: number;
  moved: number;
  changed: number;
  orphaned: number;
  added: number;
};

const NO_FILTER = { only: null, sectionId: null } as const;

/**
 * Imports a new version of a document's text (issue 22). The document keeps its id, project and settings; the
 * version it replaces is kept in DocumentVersion with its review frozen as the JSON review export showed it.
 * Each live claim is re-anchored into the new text (reanchorClaims): kept and moved claims carry everything
 * over at their new offsets; changed claims take the new words and keep their review, marked "text changed
 * since assessed" with their consensus cleared, in review until a reviewer saves an assessment again; orphaned
 * claims are set apart (soft-deleted with status ORPHANED) with their review. The new text's claims that no
 * old claim covers become new, unreviewed claims, numbered after every number the document has given.
 */
export async function importNewVersion(options: ImportNewVersionOptions): Promise<VersionCounts> {
  const documentId = requireId(options.documentId, 'The document');
  const extraction = await readNewText(options);

  // The review as it stands, read before the change through the export's own reader, so the old version's
  // review is exactly what its JSON export showed. The version number read with it is checked again under
  // the document's lock: a version imported meanwhile refuses this one rather than freezing a stale review.
  const frozen = await freezeReview(documentId, options.appUrl);

  return transaction(async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (document.textVersion !== frozen.textVersion) {
      throw new AppError(
        'CONFLICT',
        'Another version of this document was imported at the same moment. Reload it, then import again.',
      );
    }
    const newVersion = document.textVersion + 1;
    const fields = documentFields(extraction, {
      ...options,
      title: options.title || (extraction.title ? null : document.title),
      author: options.author || (extraction.author ? null : document.author),
      sourceUrl: options.sourceUrl || document.sourceUrl,
      publishedOn: options.publishedOn ?? (extraction.publishedAt ? null : document.publishedOn),
      importFormat: options.format,
      projectId: document.projectId,
    });

    if (options.format === 'PDF') {
      // The file to download is the one the current text was read from, as an import keeps its PDF. One
      // statement, so the file is sent once (an upsert's create and update would each carry it).
      await tx.$executeRaw`
        INSERT INTO "DocumentFile" ("documentId", "fileName", "mediaType", bytes)
        VALUES (${documentId}::uuid, ${options.file.fileName}, 'application/pdf', ${Buffer.from(options.file.bytes)})
        ON CONFLICT ("documentId") DO UPDATE SET "fileName" = EXCLUDED."fileName",
          "mediaType" = EXCLUDED."mediaType", bytes = EXCLUDED.bytes, "createdAt" = now()`;
    } else {
      // A text version of a PDF document: the PDF is no longer what the current text was read from, and
      // "Original PDF" would offer a file that says something else.
      await tx.documentFile.deleteMany({ where: { documentId } });
    }
    await tx.documentVersion.create({
      data: {
        documentId,
        number: document.textVersion,
        title: document.title,
        sourceUrl: document.sourceUrl,
        author: document.author,
        publishedOn: document.publishedOn,
        body: document.body,
        format: document.format,
        review: frozen.review,
        supersededById: options.actorId,
      },
      select: { id: true },
    });
    await tx.document.update({
      where: { id: documentId },
      data: {
        body: extraction.body,
        textVersion: newVersion,
        title: fields.title,
        author: fields.author,
        sourceUrl: fields.sourceUrl,
        publishedOn: fields.publishedOn,
        format: options.format === 'CSV' ? 'TEXT' : options.format,
        version: { increment: 1 },
      },
      select: { id: true },
    });
    const sectionIds = await replaceSections(tx, documentId, extraction.sections);

    const claims = await tx.claim.findMany({
      where: { documentId, deletedAt: null },
      select: { ...CLAIM_FIELDS, consensusVerdict: true, consensusEvidenceLevel: true },
    });
    const results = reanchorClaims({ oldBody: document.body, newBody: extraction.body, claims });
    const audit: AuditEventInput[] = [];
    await writeReanchored(tx, {
      documentId,
      newVersion,
      body: extraction.body,
      sections: extraction.sections,
      sectionIds,
      extracted: extraction.claims,
      claims,
      results,
      actorId: options.actorId,
      audit,
    });
    const added = await addNewClaims(tx, { documentId, newVersion, extraction, sectionIds, results });

    const counts: VersionCounts = { version: newVersion, kept: 0, moved: 0, changed: 0, orphaned: 0, added };
    for (const result of results) counts[result.status]++;
    audit.push({
      actorId: options.actorId,
      action: 'document.version-imported',
      entityType: 'Document',
      entityId: documentId,
      documentId,
      before: { version: document.textVersion, title: document.title },
      after: { ...counts, title: fields.title, format: options.format },
    });
    await writeAuditEvent(tx, ...audit);
    return counts;
  });
}

async function readNewText(text: NewText): Promise<ImportExtraction> {
  if (text.format === 'PDF') {
    // Reading a PDF is seconds of CPU for a large one: it is read in the import worker, off this thread, as an
    // import's is (ADR 0016). A file that cannot be read is refused there, in the import's words.
    return readInWorker({ input: text.file.bytes, format: 'PDF', fileName: text.file.fileName });
  }
  if (Buffer.byteLength(text.text, 'utf8') > IMPORT_MAX_BYTES) {
    throw new AppError('VALIDATION', 'The text is over the 2 MB limit. Split the article first.', {
      text: 'The text is over the 2 MB limit.',
    });
  }
  const read = extractImport({ text: text.text, format: text.format });
  if (!read.ok) throw new AppError('VALIDATION', read.error, { text: read.error });
  return read.extraction;
}

async function freezeReview(documentId: string, appUrl: string) {
  // Read as a lead would: the frozen review is the whole review, whatever blind review hides from a reviewer.
  const header = await loadReviewHeader({
    documentId,
    reader: { role: 'ADMIN' },
    filter: NO_FILTER,
    appUrl,
    exportedAt: new Date(),
  });
  const parts: string[] = [];
  for await (const part of jsonExport(
    header,
    reviewClaimBatches({ documentId, filter: NO_FILTER, appUrl }),
  )) {
    parts.push(part);
  }
  return {
    textVersion: header.document.version,
    review: JSON.parse(parts.join('')) as Prisma.InputJsonValue,
  };
}

async function lockDocument(tx: Tx, documentId: string) {
  const [document] = await tx.$queryRaw<
    Array<{
      body: string;
      textVersion: number;
      title: string;
      author: string | null;
      sourceUrl: string | null;
      publishedOn: Date | null;
      format: 'TEXT' | 'MARKDOWN' | 'HTML' | 'PDF';
      projectId: string;
    }>
  >`
    SELECT body, "textVersion", title, author, "sourceUrl", "publishedOn", format::text AS format,
      "projectId"::text AS "projectId"
    FROM "Document" WHERE id = ${documentId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
  if (!document) throw notFound('The document');
  return document;
}

/** The new text's sections in place of the old text's; claims lose theirs (SET NULL) until rewritten below. */
async function replaceSections(tx: Tx, documentId: string, sections: readonly ExtractedSection[]) {
  await tx.section.deleteMany({ where: { documentId } });
  const created = await tx.section.createManyAndReturn({
    data: sections.map((s) => ({ documentId, heading: s.heading, start: s.start, end: s.end })),
    select: { id: true, start: true },
  });
  const idByStart = new Map(created.map((s) => [s.start, s.id]));
  return sections.map((s) => idByStart.get(s.start) ?? null);
}

type StoredClaim = {
  id: string;
  text: string;
  quote: string;
  consensusVerdict: string | null;
  consensusEvidenceLevel: string | null;
};

/** Every old claim's new place, status and section in one statement; orphans set apart with their review. */
async function writeReanchored(
  tx: Tx,
  options: {
    documentId: string;
    newVersion: number;
    body: string;
    sections: readonly ExtractedSection[];
    sectionIds: Array<string | null>;
    /** The new text's claims, as its extraction found them: the study citations of the words now under each. */
    extracted: readonly ExtractedClaim[];
    claims: readonly StoredClaim[];
    results: readonly ReanchoredClaim[];
    actorId: string;
    audit: AuditEventInput[];
  },
) {
  const { body, newVersion } = options;
  const citationsIn = studyCitationsByRange(options.extracted);
  const extractedAt = (start: number, end: number) =>
    options.extracted.find((c) => c.start === start && c.end === end);
  const claimEvent = (claimId: string, action: string) => ({
    actorId: options.actorId,
    action,
    entityType: 'Claim',
    entityId: claimId,
    documentId: options.documentId,
    claimId,
  });
  const byId = new Map(options.claims.map((c) => [c.id, c]));
  const rows = options.results.map((result) => {
    const claim = byId.get(result.id) as StoredClaim;
    if (result.status === 'orphaned') {
      options.audit.push({
        ...claimEvent(claim.id, 'claim.orphaned'),
        before: { quote: claim.quote },
        after: { version: newVersion },
      });
      // Its place and words stay as they were in the old version, where its review was made.
      return { id: result.id, status: 'ORPHANED' };
    }
    const quote = body.slice(result.start, result.end);
    const changed = result.status === 'changed';
    if (changed) {
      options.audit.push({
        ...claimEvent(claim.id, 'claim.text-changed'),
        before: { quote: claim.quote },
        after: { quote, version: newVersion },
      });
    }
    const cleared = changed
      ? consensusClearedByTextChange(
          { actorId: options.actorId, documentId: options.documentId, claimId: claim.id },
          claim,
        )
      : null;
    if (cleared) options.audit.push(cleared);
    return {
      id: result.id,
      status: result.status.toUpperCase(),
      start: result.start,
      end: result.end,
      quote,
      ...quoteContext(body, result.start, result.end),
      sectionId: options.sectionIds[sectionIndexAt(options.sections, result.start)] ?? null,
      text: quote === claim.quote ? null : followedText(claim, quote, extractedAt(result.start, result.end)),
      quoteBeforeChange: changed ? claim.quote : null,
      // Marked from the new words and linked into the new reference list, which may have been renumbered.
      ...citationsIn(result.start, result.end),
    };
  });
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Claim" c SET
      start = COALESCE(r.start, c.start), "end" = COALESCE(r."end", c."end"), quote = COALESCE(r.quote, c.quote),
      prefix = COALESCE(r.prefix, c.prefix), suffix = COALESCE(r.suffix, c.suffix),
      "sectionId" = CASE WHEN r.status = 'ORPHANED' THEN c."sectionId" ELSE r."sectionId" END,
      text = COALESCE(r.text, c.text),
      "reanchorStatus" = r.status::"ReanchorStatus", "reanchoredIn" = ${newVersion},
      "quoteBeforeChange" = CASE WHEN r.status = 'CHANGED' THEN r."quoteBeforeChange" ELSE c."quoteBeforeChange" END,
      "textChangedAt" = CASE WHEN r.status = 'CHANGED' THEN now() ELSE c."textChangedAt" END,
      "consensusVerdict" = CASE WHEN r.status = 'CHANGED' THEN NULL ELSE c."consensusVerdict" END,
      "consensusEvidenceLevel" = CASE WHEN r.status = 'CHANGED' THEN NULL ELSE c."consensusEvidenceLevel" END,
      "consensusAt" = CASE WHEN r.status = 'CHANGED' THEN NULL ELSE c."consensusAt" END,
      "deletedAt" = CASE WHEN r.status = 'ORPHANED' THEN now() ELSE c."deletedAt" END,
      "citesStudy" = CASE WHEN r.status = 'ORPHANED' THEN c."citesStudy" ELSE r."citesStudy" END,
      "references" = CASE WHEN r.status = 'ORPHANED' THEN c."references" ELSE r."references" END,
      version = CASE WHEN r.status = 'CHANGED' THEN c.version + 1 ELSE c.version END,
      "updatedAt" = now()
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(id uuid, status text, start int, "end" int,
      quote text, prefix text, suffix text, "sectionId" uuid, text text, "quoteBeforeChange" text,
      "citesStudy" boolean, "references" jsonb)
    WHERE c.id = r.id AND c."documentId" = ${options.documentId}::uuid`;
}

/**
 * A changed claim's statement for its new words, or null to keep it. A statement a reviewer reworded stays
 * theirs. One the extraction made (the quote on one line, after a list's lead-in such as "Symptoms:") follows
 * the new words: as the new text's extraction states them when a claim of it has the same place, otherwise with
 * the same lead-in before them.
 */
function followedText(
  claim: StoredClaim,
  quote: string,
  extracted: ExtractedClaim | undefined,
): string | null {
  const was = oneLine(claim.quote);
  if (claim.text !== was && !claim.text.endsWith(` ${was}`)) return null;
  return extracted?.text ?? `${claim.text.slice(0, claim.text.length - was.length)}${oneLine(quote)}`;
}

/**
 * Whether the words of a range of the new text cite a study, and the reference entries they point to: those of
 * the extracted claims that lie in it (a carried claim's range is one extracted claim's, or for a claim a
 * reviewer merged, several). Extracted claims are in text order and never overlap.
 */
function studyCitationsByRange(extracted: readonly ExtractedClaim[]) {
  return (start: number, end: number) => {
    let lo = 0;
    let hi = extracted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((extracted[mid] as ExtractedClaim).end <= start) lo = mid + 1;
      else hi = mid;
    }
    let citesStudy = false;
    const references: ClaimReference[] = [];
    for (let i = lo; i < extracted.length && (extracted[i] as ExtractedClaim).start < end; i++) {
      const claim = extracted[i] as ExtractedClaim;
      citesStudy ||= claim.citesStudy;
      for (const reference of claim.references ?? []) {
        if (!references.some((r) => r.text === reference.text)) references.push(reference);
      }
    }
    return { citesStudy, references: references.length > 0 ? references : null };
  };
}

/** The index of the last section that starts at or before `at`, or -1 before the first. */
function sectionIndexAt(sections: readonly ExtractedSection[], at: number): number {
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sections[mid] as ExtractedSection).start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The new text's claims that lie where no old claim was carried to: new sentences, new and unreviewed, with
 * the numbers after the highest the document has given (deleted and orphaned claims included), as claim edits
 * number theirs. The document's row lock, held since the start, keeps those numbers free until commit.
 */
async function addNewClaims(
  tx: Tx,
  options: {
    documentId: string;
    newVersion: number;
    extraction: ImportExtraction;
    sectionIds: Array<string | null>;
    results: readonly ReanchoredClaim[];
  },
): Promise<number> {
  const anchored = options.results.flatMap((r) => (r.status === 'orphaned' ? [] : [r]));
  const fresh = claimsInRanges(options.extraction.claims, uncoveredRanges(options.extraction.body, anchored));
  if (fresh.length === 0) return 0;
  const { _max } = await tx.claim.aggregate({
    where: { documentId: options.documentId },
    _max: { number: true },
  });
  const batch = claimBatch({
    claims: fresh,
    from: 0,
    count: fresh.length,
    firstNumber: (_max.number ?? 0) + 1,
  });
  // One statement for each of the batch's JSON arrays of rows, as an import writes them (write-document.ts).
  for (const rows of batch.rows) {
    await tx.$executeRaw`
      INSERT INTO "Claim" (id, "documentId", number, "sectionId", text, quote, start, "end", prefix, suffix, kind,
        hedged, "citesStudy", "references", "reanchorStatus", "reanchoredIn", "updatedAt")
      SELECT c.id, ${options.documentId}::uuid, c.number, (${options.sectionIds}::uuid[])[c."sectionIndex" + 1],
        c.text, c.quote, c.start, c."end", c.prefix, c.suffix, c.kind, c.hedged, c."citesStudy", c."references", 'ADDED', ${options.newVersion},
        now()
      FROM json_to_recordset(${rows}::json) AS c(id uuid, number int, "sectionIndex" int, text text,
        quote text, start int, "end" int, prefix text, suffix text, kind "ClaimKind", hedged boolean,
        "citesStudy" boolean, "references" jsonb)`;
  }
  return fresh.length;
}
