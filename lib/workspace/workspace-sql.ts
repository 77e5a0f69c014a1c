// The workspace page's reads as plain SQL, so the app (through Prisma) and the benchmark's node:http + pg
// baseline run exactly the same queries. $1 is always the document id; $2 the reader's user id.

export const WORKSPACE_DOCUMENT_SQL = `
  SELECT id, title, "sourceUrl", author, to_char("publishedOn", 'YYYY-MM-DD') AS "publishedOn",
    "reviewMode", body
  FROM "Document" WHERE id = $1::uuid AND "deletedAt" IS NULL`;

export const WORKSPACE_SECTIONS_SQL = `
  SELECT id, heading FROM "Section" WHERE "documentId" = $1::uuid ORDER BY start`;

// One row per live claim in document order. The text is sent only when a reviewer edited it away from the
// quote: otherwise the client reads it from the body, which halves the page for long documents.
export const WORKSPACE_CLAIMS_SQL = `
  SELECT c.id, c.start, c."end", c."sectionId", c.kind, c.hedged,
    CASE WHEN c.text = c.quote THEN NULL ELSE c.text END AS text,
    c."consensusVerdict", c."consensusEvidenceLevel",
    EXISTS (SELECT 1 FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS reviewed,
    m.verdict AS "myVerdict"
  FROM "Claim" c
  LEFT JOIN "Assessment" m ON m."claimId" = c.id AND m."reviewerId" = $2::uuid
  WHERE c."documentId" = $1::uuid AND c."deletedAt" IS NULL
  ORDER BY c.start, c.id`;

// Every submitted rating of the document, for the agreement figures.
export const WORKSPACE_RATINGS_SQL = `
  SELECT a."claimId", a."reviewerId", a.verdict, a."evidenceLevel"
  FROM "Assessment" a JOIN "Claim" c ON c.id = a."claimId"
  WHERE c."documentId" = $1::uuid AND c."deletedAt" IS NULL`;
