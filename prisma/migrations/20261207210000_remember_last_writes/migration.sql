-- CreateTable
CREATE TABLE "LastWrite" (
    "userId" UUID NOT NULL,
    "walPosition" TEXT NOT NULL,

    CONSTRAINT "LastWrite_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "LastWrite" ADD CONSTRAINT "LastWrite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
