-- CreateEnum
CREATE TYPE "CitationLookup" AS ENUM ('PENDING', 'FOUND', 'NOT_FOUND', 'UNREACHABLE');

-- CreateTable
CREATE TABLE "CitationSource" (
    "kind" "CitationKind" NOT NULL,
    "identifier" TEXT NOT NULL,
    "status" "CitationLookup" NOT NULL DEFAULT 'PENDING',
    "title" TEXT,
    "journal" TEXT,
    "year" INTEGER,
    "authors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "publicationTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "fetchedAt" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CitationSource_pkey" PRIMARY KEY ("kind","identifier")
);

-- CreateIndex
CREATE INDEX "CitationSource_nextAttemptAt_idx" ON "CitationSource"("nextAttemptAt");

-- Sources cited before this table existed are looked up by the retry job too.
INSERT INTO "CitationSource" ("kind", "identifier")
SELECT DISTINCT "kind", CASE WHEN "kind" = 'DOI' THEN lower("identifier") ELSE "identifier" END
FROM "Citation"
WHERE "deletedAt" IS NULL AND "kind" IN ('PMID', 'DOI');
