-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "number" INTEGER;

-- Backfill: each live claim keeps the number it was shown with until now, its place among the document's live
-- claims in document order, so a "#12" already written in a comment still names the same claim. Deleted claims
-- take the numbers after them, so no number is ever shared.
UPDATE "Claim" c SET "number" = n.number
FROM (
  SELECT id, row_number() OVER (
    PARTITION BY "documentId" ORDER BY ("deletedAt" IS NOT NULL), start, id
  )::int AS number
  FROM "Claim"
) n
WHERE n.id = c.id;

ALTER TABLE "Claim" ALTER COLUMN "number" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Claim_documentId_number_key" ON "Claim"("documentId", "number");
