-- AlterTable
ALTER TABLE "SignInAttempt" ALTER COLUMN "succeeded" DROP NOT NULL;
