-- Store: near-duplicate fingerprints, alias bookkeeping, lookup of a content hash across reports.
-- Written from the output of prisma migrate diff (from migrations to the schema). simhash was never
-- written before, so its type changes in place. No semicolons in comments: the engine splits on them.

-- AlterTable
ALTER TABLE "Report" ALTER COLUMN "simhash" TYPE BIGINT USING NULL;

-- AlterTable
ALTER TABLE "ReportUrl" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'primary';

-- CreateIndex
CREATE INDEX "ReportVersion_contentHash_idx" ON "ReportVersion"("contentHash");

-- AlterTable
ALTER TABLE "Page" ADD COLUMN     "lastMissRunId" TEXT;
