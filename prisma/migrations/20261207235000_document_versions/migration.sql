-- CreateEnum
CREATE TYPE "ReanchorStatus" AS ENUM ('KEPT', 'MOVED', 'CHANGED', 'ORPHANED', 'ADDED');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "quoteBeforeChange" TEXT,
ADD COLUMN     "reanchorStatus" "ReanchorStatus",
ADD COLUMN     "reanchoredIn" INTEGER,
ADD COLUMN     "textChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "textVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "author" TEXT,
    "publishedOn" DATE,
    "body" TEXT NOT NULL,
    "format" "SourceFormat" NOT NULL,
    "review" JSONB NOT NULL,
    "supersededById" UUID,
    "supersededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_documentId_number_key" ON "DocumentVersion"("documentId", "number");

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A new version replaces the body every open workspace shows: it is announced like a review change, so they
-- reload it.
DROP TRIGGER "AuditEvent_announce_review_change" ON "AuditEvent";

CREATE TRIGGER "AuditEvent_announce_review_change"
  AFTER INSERT ON "AuditEvent"
  FOR EACH ROW
  WHEN (NEW."documentId" IS NOT NULL AND (
    split_part(NEW.action, '.', 1) IN ('assessment', 'consensus', 'comment', 'citation', 'claim', 'assignment')
    OR NEW.action IN ('document.review-mode-changed', 'document.imported', 'document.version-imported')))
  EXECUTE FUNCTION announce_review_change();
