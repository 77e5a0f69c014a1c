-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "citesStudy" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "references" JSONB;
